using YieldDeps.EndToEnd.Tests.Streaming;

namespace YieldDeps.EndToEnd.Factory;

/// <summary>Apps/StreamingApp through the factory, on a SQLite file of its own given as the ExportDb setting.</summary>
public sealed class StreamingAppThroughFactory : FactoryApp<Program>, IStreamingApp
{
    public ExportsDatabase Database { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ExportDb"] = Database.ConnectionString };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Database.Dispose();
    }
}

/// <summary>Tests that share one factory of Apps/StreamingApp.</summary>
[CollectionDefinition(Name)]
public sealed class StreamingAppCollection : ICollectionFixture<StreamingAppThroughFactory>
{
    public const string Name = "StreamingApp through the factory";
}
