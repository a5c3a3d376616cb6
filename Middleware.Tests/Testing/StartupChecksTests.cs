using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;

namespace YieldDeps.Tests.Testing;

/// <summary>The test kit's startup checks: the same problems, in the same words, as host startup.</summary>
public sealed class StartupChecksTests
{
    [Fact]
    public async Task StartupChecks_ReportExactlyWhatHostStartupReports()
    {
        var services = new ServiceCollection();
        services.AddLogging().AddSingleton(new Journal()).AddSingleton(new Faults());
        services.AddYieldDependencies(Chain.Register);
        await using var provider = services.BuildServiceProvider();
        var startup = await Assert.ThrowsAsync<DependencyRegistrationException>(
            () => Assert.Single(provider.GetServices<IHostedService>()).StartAsync(CancellationToken.None));

        var checks = Assert.Throws<DependencyRegistrationException>(() => StartupChecks.Validate(
            typeof(StartupChecksTests).Assembly,
            Chain.Register,
            s => s.AddSingleton(new Journal()).AddSingleton(new Faults()),
            aspNetCoreIntegration: false));

        Assert.Equal(startup.Problems.Where(p => !p.Contains("middleware is not in the pipeline", StringComparison.Ordinal)), checks.Problems);
        Assert.Contains(checks.Problems, p => p.StartsWith("Function 'UnsuppliedParameter':", StringComparison.Ordinal));
    }

    [Fact]
    public void StartupChecks_NameTheRegistrationThatCannotWork()
    {
        var error = Assert.Throws<DependencyRegistrationException>(() => StartupChecks.Validate(
            typeof(StartupChecksTests).Assembly,
            deps => deps.Add(InvalidDependencies.MakePing).Add(InvalidDependencies.MakePong)));

        Assert.Contains("Dependency cycle: InvalidDependencies.MakePing -> InvalidDependencies.MakePong -> InvalidDependencies.MakePing.", error.Message, StringComparison.Ordinal);
    }
}
