namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>What the client saw of one request: success (200), failure (any other status), or nothing (abandoned).</summary>
public enum LoadAnswer
{
    Succeeded,
    Failed,
    Abandoned,
}
