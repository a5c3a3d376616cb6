using YieldDeps.EndToEnd.Tests.Streaming;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>A lazy result over a function-scoped dependency, Apps/StreamingApp through FunctionsApplicationFactory.</summary>
[Collection(StreamingAppCollection.Name)]
public sealed class StreamingMisuseThroughFactoryTests(StreamingAppThroughFactory app) : StreamingMisuseTests(app);
