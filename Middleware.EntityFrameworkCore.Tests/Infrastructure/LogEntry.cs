using Microsoft.Extensions.Logging;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>One captured log entry.</summary>
/// <param name="Level">Its level.</param>
/// <param name="EventId">Its event id and name.</param>
/// <param name="Message">Its formatted message.</param>
public sealed record LogEntry(LogLevel Level, EventId EventId, string Message);
