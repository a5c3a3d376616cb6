namespace YieldDeps.EndToEnd.Factory;

/// <summary>Apps/AspNetCoreProbe through the factory, shared by the collection's tests.</summary>
public sealed class AspNetCoreProbeApp : FactoryApp<Program>;

/// <summary>
/// Tests that share one factory of Apps/AspNetCoreProbe: one collection, as the ASP.NET Core integration serves one
/// app per process.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AspNetCoreProbeCollection : ICollectionFixture<AspNetCoreProbeApp>
{
    public const string Name = "AspNetCoreProbe through the factory";
}
