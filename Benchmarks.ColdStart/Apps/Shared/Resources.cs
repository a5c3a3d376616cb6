using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace ColdStart.Apps;

/// <summary>
/// A stand-in for a database connection: opening it and committing it cost nothing, so a cold start measures how the
/// app hands resources to its functions and finishes them, not the resources themselves.
/// </summary>
public sealed class Connection : IAsyncDisposable
{
    private static int _opened;

    private Connection(int id) => Id = id;

    public int Id { get; }

    public bool IsOpen { get; private set; } = true;

    public bool Committed { get; private set; }

    public static Connection Open() => new(Interlocked.Increment(ref _opened));

    public static ValueTask<Connection> OpenAsync() => ValueTask.FromResult(Open());

    public void Commit() => Committed = true;

    public ValueTask DisposeAsync()
    {
        IsOpen = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>A stand-in for a transaction on a <see cref="Connection"/>: rolled back when disposed before it committed.</summary>
public sealed class Transaction(Connection connection) : IAsyncDisposable
{
    public Connection Connection { get; } = connection;

    public int Writes { get; private set; }

    public bool Committed { get; private set; }

    public bool RolledBack { get; private set; }

    public void Write() => Writes++;

    public ValueTask CommitAsync()
    {
        Committed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        RolledBack = !Committed;
        return ValueTask.CompletedTask;
    }
}

/// <summary>What the invocation knows of itself: when it started, and its transaction; finished once the function succeeded.</summary>
public sealed class RequestInfo(Transaction transaction)
{
    public Transaction Transaction { get; } = transaction;

    public long Started { get; } = Stopwatch.GetTimestamp();

    public TimeSpan? Elapsed { get; private set; }

    public void Finish() => Elapsed = Stopwatch.GetElapsedTime(Started);
}

/// <summary>The body every function runs: the same text, with or without the resources.</summary>
public static class Work
{
    public static IActionResult Respond(string name) => Text(name);

    public static IActionResult Respond(string name, Connection connection, Transaction transaction, RequestInfo info)
    {
        if (!connection.IsOpen || transaction.Connection != connection || info.Transaction != transaction)
        {
            throw new InvalidOperationException($"{name}: the resources do not belong together.");
        }

        transaction.Write();
        return Text(string.Create(CultureInfo.InvariantCulture, $"{name} connection {connection.Id} writes {transaction.Writes}"));
    }

    private static ContentResult Text(string content) => new() { Content = content, ContentType = "text/plain", StatusCode = 200 };
}
