namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>Tests that share one LocalHost running Apps/AspNetCoreProbe.</summary>
[CollectionDefinition(Name)]
public sealed class AspNetCoreProbeCollection : ICollectionFixture<AspNetCoreProbeFixture>
{
    public const string Name = "AspNetCoreProbe app";
}
