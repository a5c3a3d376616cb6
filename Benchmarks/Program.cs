using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using YieldDeps.Benchmarks.Interleaved;

if (args.Length > 1 && args[0] == "--trace-summary")
{
    return TraceSummary.Run(args[1], args.Length > 2 ? args[2] : null, top: 25);
}

if (args.Length > 0 && args[0] is "--interleaved" or "--interleaved-worker")
{
    return await InterleavedRunner.MainAsync(args);
}

// BenchmarkDotNet's default toolchain rebuilds the benchmarks from a project file named after the assembly
// (YieldDeps.Benchmarks.csproj), which this repository's folder naming does not have; run them in-process instead.
// A mutator job, so that command-line jobs such as --job short still apply and only get the toolchain added.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
