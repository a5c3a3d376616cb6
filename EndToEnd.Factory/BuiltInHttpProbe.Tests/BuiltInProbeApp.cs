namespace YieldDeps.EndToEnd.Factory;

/// <summary>Apps/BuiltInHttpProbe through the factory, shared by the collection's tests.</summary>
public sealed class BuiltInProbeApp : FactoryApp<Program>;

/// <summary>Tests that share one factory of Apps/BuiltInHttpProbe.</summary>
[CollectionDefinition(Name)]
public sealed class BuiltInProbeCollection : ICollectionFixture<BuiltInProbeApp>
{
    public const string Name = "BuiltInHttpProbe through the factory";
}
