using Microsoft.Azure.Functions.Worker;

namespace YieldDeps.Tests.Support;

/// <summary>The retry context of the invocation request (non-zero only for triggers with a retry policy).</summary>
internal sealed class HarnessRetryContext(int retryCount, int maxRetryCount) : RetryContext
{
    public override int RetryCount { get; } = retryCount;

    public override int MaxRetryCount { get; } = maxRetryCount;
}
