using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// Apps/StreamingApp (ASP.NET Core integration, a request-scoped SQLite session) under LocalHost. The app records
/// what its dependencies and streams did as probe events; the tests also read its database directly.
/// </summary>
public sealed class StreamingAppFixture() : ProbeAppFixture("StreamingApp"), IStreamingApp
{
    public ExportsDatabase Database { get; } = new();

    protected override IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string> { ["ExportDb"] = Database.ConnectionString };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StreamingAppCollection : ICollectionFixture<StreamingAppFixture>
{
    public const string Name = "StreamingApp";
}
