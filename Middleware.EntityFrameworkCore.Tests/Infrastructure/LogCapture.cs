using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry of the YieldDeps category, to read them back in a test.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == "YieldDeps" ? _entries : null);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<LogEntry>? entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => entries is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries?.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception)));
    }
}
