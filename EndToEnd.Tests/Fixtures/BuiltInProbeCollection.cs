namespace YieldDeps.EndToEnd.Tests.Fixtures;

/// <summary>Tests that share one LocalHost running Apps/BuiltInHttpProbe.</summary>
[CollectionDefinition(Name)]
public sealed class BuiltInProbeCollection : ICollectionFixture<BuiltInProbeFixture>
{
    public const string Name = "BuiltInHttpProbe app";
}
