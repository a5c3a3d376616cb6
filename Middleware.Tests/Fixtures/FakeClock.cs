using Microsoft.Extensions.Time.Testing;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Drives the teardown deadlines of an invocation on a fake clock, so that no real time is waited.</summary>
public static class FakeClock
{
    /// <summary>
    /// Moves <paramref name="clock"/> on by <paramref name="step"/> until <paramref name="pending"/> has completed, so
    /// that a deadline armed meanwhile fires on the next move; then returns what it completed with.
    /// </summary>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider clock, Task<T> pending, TimeSpan step)
    {
        while (!pending.IsCompleted)
        {
            clock.Advance(step);
            await Task.Yield();
        }

        return await pending;
    }
}
