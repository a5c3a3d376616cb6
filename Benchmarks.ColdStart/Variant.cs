namespace YieldDeps.Benchmarks.ColdStart;

/// <summary>
/// One app as measured: the project under Apps/ it is built from, the MSBuild properties it is built with, and the
/// variant its figures are compared with (none for a baseline).
/// </summary>
internal sealed record Variant(string Name, string Project, IReadOnlyList<string> Properties, string? Baseline, string Description)
{
    public static readonly IReadOnlyList<Variant> All =
    [
        new("YieldDepsApp", "YieldDepsApp", [], "ScopedApp", "50 functions, each taking 3 yield dependencies"),
        new("YieldDepsRuntime", "YieldDepsApp", ["YieldDepsGenerate=false"], "ScopedApp", "YieldDepsApp built with -p:YieldDepsGenerate=false"),
        new("ScopedApp", "ScopedApp", [], null, "the same with 3 scoped services and a unit-of-work middleware"),
        new("InstalledNoDepsApp", "InstalledNoDepsApp", [], "BareApp", "YieldDeps installed, no function takes a dependency"),
        new("BareApp", "BareApp", [], null, "the same 50 functions without YieldDeps"),
    ];

    public static Variant Named(string name) =>
        All.FirstOrDefault(variant => string.Equals(variant.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown variant '{name}'; the variants are {string.Join(", ", All.Select(variant => variant.Name))}.");

    /// <summary>The folder name of the build this variant shares with the others built with the same properties.</summary>
    public string BuildKey => Properties.Count == 0 ? "default" : string.Join("_", Properties).Replace('=', '-').ToLowerInvariant();
}
