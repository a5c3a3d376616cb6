using YieldDeps.Benchmarks.Chain;

namespace YieldDeps.Benchmarks.Pipeline;

/// <summary>The same queue-style function twice: once without dependencies, once taking the end of the chain.</summary>
public static class PipelineFunctions
{
    public static int NoDependencies(string message) => message.Length;

    public static int WithDependencies(string message, C c) => message.Length + Body.Run(c);
}
