using Microsoft.Azure.Functions.Worker;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS sections 5 and 6: the per-invocation cache, and injection into the function.</summary>
public sealed class CacheAndInjectionTests
{
    [Fact]
    public async Task Cache_OneInstancePerInvocation_SharedByConstructorParameterAndSubDependency_SetUpAndTornDownOnce()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open).Add(CacheDependencies.Repository), out var journal, out _);

        (await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.Shared)), TriggerInput.Queue("m"))).EnsureSucceeded();

        var number = int.Parse(journal.Entries[0]["open ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([$"open {number}", $"ctor={number} param={number} sub={number}", $"close {number}"], journal.Entries);
    }

    [Fact]
    public async Task Cache_NothingIsCachedAcrossInvocations()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open).Add(CacheDependencies.Repository), out var journal, out _);
        var method = Method<CacheFunctions>(nameof(CacheFunctions.Shared));

        (await worker.InvokeAsync(method, TriggerInput.Queue("1"))).EnsureSucceeded();
        (await worker.InvokeAsync(method, TriggerInput.Queue("2"))).EnsureSucceeded();

        Assert.Equal(2, journal.StartingWith("open").Distinct().Count());
        Assert.Equal(2, journal.StartingWith("close").Distinct().Count());
    }

    [Fact]
    public async Task Cache_OptOutOnTheRegistration_GivesEveryUseItsOwnInstance()
    {
        await using var worker = Workers.Create(
            deps => deps.Add(CacheDependencies.Open, o => o.UseCache = false).Add(CacheDependencies.Repository),
            out var journal,
            out _);

        (await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.Shared)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(3, journal.StartingWith("open").Count);
        Assert.Equal(3, journal.StartingWith("close").Count);
        var line = Assert.Single(journal.StartingWith("ctor="));
        Assert.Equal(3, line.Split(' ').Select(p => p.Split('=')[1]).Distinct().Count());
    }

    [Fact]
    public async Task Cache_OptOutAtTheUseSite_GivesThatParameterItsOwnInstance()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open), out var journal, out _);

        (await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.Fresh)), TriggerInput.Queue("m"))).EnsureSucceeded();

        var line = Assert.Single(journal.StartingWith("ctor="));
        var numbers = line.Split(' ').Select(p => p.Split('=')[1]).ToArray();
        Assert.Equal(numbers[0], numbers[1]);
        Assert.NotEqual(numbers[1], numbers[2]);
        Assert.Equal(2, journal.StartingWith("close").Count);
    }

    [Fact]
    public async Task Injection_MethodParameterWithoutBindingAttribute_AndConstructorParameter_ReceiveTheDependency()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open).Add(CacheDependencies.Repository), out var journal, out _);

        var result = await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.Shared)), TriggerInput.Queue("m"));

        result.EnsureSucceeded();
        Assert.Single(journal.StartingWith("ctor="));
    }

    [Fact]
    public async Task Injection_FunctionContextLookup_ReturnsTheInvocationsInstance()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open), out var journal, out _);

        (await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.FromContext)), TriggerInput.Queue("m"))).EnsureSucceeded();

        var line = Assert.Single(journal.StartingWith("param="));
        var numbers = line.Split(' ').Select(p => p.Split('=')[1]).ToArray();
        Assert.Equal(numbers[0], numbers[1]);
    }

    [Fact]
    public async Task Injection_FunctionContextLookup_FindsOnlyWhatTheFunctionUses_AndOnlyWhileItRuns()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open).Add(CacheDependencies.Repository), out var journal, out _);

        var result = await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.FromContext)), TriggerInput.Queue("m"));

        result.EnsureSucceeded();
        Assert.EndsWith("repository=False", Assert.Single(journal.StartingWith("param=")), StringComparison.Ordinal);
        var error = Assert.Throws<InvalidOperationException>(() => result.Context.GetDependency<Session>());
        Assert.Contains("only while the invocation runs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DependsWithFresh_GivesTheSideEffectUseItsOwnInstance_BesideTheSharedOne()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        (await worker.InvokeAsync(Method<DeclarationOrderFunctions>(nameof(DeclarationOrderFunctions.FreshSideEffect)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(2, journal.Entries.Count(e => e == "setup A"));
    }

    [Fact]
    public async Task Injection_FunctionContextLookup_OfAnUncachedDependency_SaysWhyThereIsNoSingleInstance()
    {
        await using var worker = Workers.Create(deps => deps.Add(CacheDependencies.Open, o => o.UseCache = false), out var journal, out _);

        (await worker.InvokeAsync(Method<CacheFunctions>(nameof(CacheFunctions.LooksUp)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Contains(journal.Entries, e => e.Contains("without the per-invocation cache (UseCache = false or [Fresh])", StringComparison.Ordinal));
    }
}
