using YieldDeps.EndToEnd.Tests.Fixtures;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>
/// Apps/StreamingApp (ASP.NET Core integration, a request-scoped SQLite session) under LocalHost. The app records
/// what its dependencies and streams did as probe events; the tests also read its database directly.
/// </summary>
public sealed class StreamingAppFixture() : ProbeAppFixture("StreamingApp"), IStreamingApp
{
    private readonly ExportsDatabase database = new();

    protected override IReadOnlyDictionary<string, string> AppEnvironment => new Dictionary<string, string> { ["ExportDb"] = database.ConnectionString };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }

    public long CommittedExports(string tag) => database.CommittedExports(tag);

    public bool WriteLockIsFree() => database.WriteLockIsFree();
}

[CollectionDefinition(Name)]
public sealed class StreamingAppCollection : ICollectionFixture<StreamingAppFixture>
{
    public const string Name = "StreamingApp";
}
