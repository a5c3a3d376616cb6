using YieldDeps.Benchmarks.Overhead;
using YieldDeps.Benchmarks.Pipeline;

namespace YieldDeps.Benchmarks.Interleaved;

/// <summary>The comparisons the interleaved runner knows, each a list of groups whose first variant is the baseline.</summary>
internal static class InterleavedSuites
{
    public static readonly string[] Names = ["overhead", "pipeline"];

    public static async Task<(IReadOnlyList<InterleavedGroup> Groups, Func<ValueTask> Dispose)> CreateAsync(string suite)
    {
        switch (suite)
        {
            case "overhead":
            {
                var groups = new List<InterleavedGroup>();
                var owned = new List<OverheadVariants>();
                foreach (var fails in new[] { false, true })
                {
                    foreach (var length in new[] { 1, 3, 5, 20 })
                    {
                        var variants = new OverheadVariants(length, fails);
                        owned.Add(variants);
                        groups.Add(new InterleavedGroup($"{length} dependencies, {(fails ? "failure" : "success")}", variants.All));
                    }
                }

                // What the telemetry costs when nobody listens: the same engine with it taken out is the baseline.
                var withoutTelemetry = new OverheadEngine(AsyncLinks.Register, 5, telemetry: false);
                var withTelemetry = new OverheadEngine(AsyncLinks.Register, 5);
                groups.Add(new InterleavedGroup("5 dependencies, telemetry nobody listens to", [
                    ("YieldDepsWithoutTelemetry", () => withoutTelemetry.RunAsync(OverheadBody.Run)),
                    ("YieldDeps", () => withTelemetry.RunAsync(OverheadBody.Run)),
                ]));

                return (groups, async () =>
                {
                    foreach (var variants in owned)
                    {
                        await variants.DisposeAsync();
                    }
                });
            }

            case "pipeline":
            {
                var variants = await Task.Run(() => new PipelineVariants());
                return (variants.Groups.Select(g => new InterleavedGroup(g.Group, g.Variants)).ToList(), variants.DisposeAsync);
            }

            default:
                throw new ArgumentException($"Unknown suite '{suite}'; known: {string.Join(", ", Names)}.");
        }
    }
}
