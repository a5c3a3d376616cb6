namespace YieldDeps.Tests.Support;

/// <summary>
/// What the host sends for an HTTP trigger. The request object itself needs the invocation's context, so the
/// harness creates a <see cref="TestHttpRequestData"/> from this once the context exists.
/// </summary>
internal sealed record HttpRequestSpec(
    string Method,
    Uri Url,
    byte[] Body,
    IReadOnlyList<KeyValuePair<string, string>> Headers);
