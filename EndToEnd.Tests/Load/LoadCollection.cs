namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>The load tests run alone, so that other tests neither slow them nor share their machine's memory.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "Load";
}
