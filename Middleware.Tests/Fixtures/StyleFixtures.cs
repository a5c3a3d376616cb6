using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace YieldDeps.Tests.Fixtures;

public sealed class Ledger
{
    public List<string> Lines { get; } = [];
}

/// <summary>A class-style dependency: enter, then exit with the exception (null on success).</summary>
public sealed class LedgerDependency(Journal journal) : IDependency<Ledger>
{
    public ValueTask<Ledger> EnterAsync(CancellationToken cancellationToken)
    {
        journal.Add("ledger enter");
        return new(new Ledger());
    }

    public ValueTask ExitAsync(Ledger value, Exception? exception, CancellationToken cancellationToken)
    {
        journal.Add($"ledger exit {exception?.GetType().Name ?? "null"} lines={value.Lines.Count} token-cancelled={cancellationToken.IsCancellationRequested}");
        return default;
    }
}

public sealed class Handle : IDisposable, IAsyncDisposable
{
    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return default;
    }
}

public sealed class AsyncValue(string text)
{
    public string Text { get; } = text;
}

public sealed class ValueTaskValue(int number)
{
    public int Number { get; } = number;
}

public sealed class HandleHolder
{
    public Handle? Handle { get; set; }
}

public static class PlainDependencies
{
    public static Handle OpenHandle(HandleHolder holder) => holder.Handle = new Handle();

    public static async Task<AsyncValue> LoadAsync()
    {
        await Task.Yield();
        return new AsyncValue("loaded");
    }

    public static ValueTask<ValueTaskValue> LoadValueTask() => new(new ValueTaskValue(42));
}

public sealed class StyleFunctions(Journal journal, Faults faults)
{
    public void UseLedger([QueueTrigger("style")] string message, Ledger ledger)
    {
        ledger.Lines.Add(message);
        journal.Add("body");
        if (faults.BodyFails)
        {
            throw new BodyFailedException();
        }
    }

    public void UsePlain([QueueTrigger("style")] string message, Handle handle, AsyncValue asyncValue, ValueTaskValue valueTaskValue) =>
        journal.Add($"body handle-disposed={handle.Disposed} {asyncValue.Text} {valueTaskValue.Number}");

    public HttpResponseData Http([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request, Ledger ledger)
    {
        journal.Add("body");
        return request.CreateResponse(HttpStatusCode.OK);
    }
}
