namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>A lazy result over a function-scoped dependency, Apps/StreamingApp on LocalHost.</summary>
[Collection(StreamingAppCollection.Name)]
public sealed class StreamingMisuseOnLocalHostTests(StreamingAppFixture fixture) : StreamingMisuseTests(fixture);
