using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;

namespace YieldDeps.Tests.Fixtures;

/// <summary>Builds a real in-process worker with YieldDeps, a journal and fault switches.</summary>
internal static class Workers
{
    public static FunctionTestHost Create(Action<DependencyRegistry> register, out Journal journal, out Faults faults, Action<IServiceCollection>? services = null)
    {
        var j = journal = new Journal();
        var f = faults = new Faults();
        return FunctionTestHost.Create(
            // The fixture functions of this assembly include deliberately broken ones, each checked when invoked.
            worker => worker.UseYieldDependencies(deps =>
            {
                deps.FunctionAssemblies.Clear();
                register(deps);
            }),
            s =>
            {
                s.AddSingleton(j);
                s.AddSingleton(f);
                services?.Invoke(s);
            });
    }

    public static FunctionTestHost Chain(out Journal journal, out Faults faults, Action<DependencyRegistry>? extra = null) =>
        Create(deps => { Fixtures.Chain.Register(deps); extra?.Invoke(deps); }, out journal, out faults);
}
