namespace YieldDeps.EndToEnd.Tests.Contract;

/// <summary>
/// An app the contract tests talk to, whichever way it runs: under LocalHost, a worker process of its own
/// (<c>Fixtures/ProbeAppFixture</c>), or in the test process through <c>FunctionsApplicationFactory</c>
/// (<c>EndToEnd.Factory/</c>). Both drive the worker through the same host-side code, so one test body checks both.
/// </summary>
public interface IRunningApp
{
    /// <summary>A client of the host's HTTP front: the app's HTTP functions and the admin API.</summary>
    HttpClient Client { get; }

    /// <summary>The HTTP front's address, for clients of a test's own.</summary>
    Uri BaseAddress { get; }

    /// <summary>The HTTP front's port.</summary>
    int Port { get; }

    /// <summary>What the host wrote so far: its own lines and the worker's logs, one per line.</summary>
    string Output { get; }

    /// <summary>Waits until <see cref="Output"/> contains <paramref name="text"/>.</summary>
    Task WaitForOutputAsync(string text);

    /// <summary>
    /// Hands <paramref name="message"/> to the queue-triggered function <paramref name="functionName"/> as its queue
    /// would: LocalHost's admin API (<c>POST admin/functions/{name}</c>) or the factory's <c>InvokeAsync</c>. Either
    /// way the host retries a failing message up to maxDequeueCount, then poisons it, and records every attempt in the
    /// admin API's journal; the runs may still go on when this returns.
    /// </summary>
    Task SendQueueMessageAsync(string functionName, string message);

    /// <summary>The probe events the app recorded so far, in order.</summary>
    IReadOnlyList<string> Events();

    /// <summary>Waits until the app has recorded the probe event <paramref name="line"/>.</summary>
    Task WaitForEventAsync(string line);
}
