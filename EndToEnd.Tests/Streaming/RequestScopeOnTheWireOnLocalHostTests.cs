namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>The request scope on the wire, Apps/StreamingApp on LocalHost.</summary>
[Collection(StreamingAppCollection.Name)]
public sealed class RequestScopeOnTheWireOnLocalHostTests(StreamingAppFixture fixture) : RequestScopeOnTheWireTests(fixture);
