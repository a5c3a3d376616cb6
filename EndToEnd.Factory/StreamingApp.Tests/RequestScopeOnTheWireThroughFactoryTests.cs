using YieldDeps.EndToEnd.Tests.Streaming;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>The request scope on the wire, Apps/StreamingApp through FunctionsApplicationFactory.</summary>
[Collection(StreamingAppCollection.Name)]
public sealed class RequestScopeOnTheWireThroughFactoryTests(StreamingAppThroughFactory app) : RequestScopeOnTheWireTests(app);
