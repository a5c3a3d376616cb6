using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 3: order.</summary>
public sealed class OrderTests
{
    [Fact]
    public async Task SetupOrder_GlobalThenClassThenMethodThenConstructorThenParameters_SubDependenciesFirst()
    {
        await using var worker = Workers.Create(Marks.Register, out var journal, out _);

        (await worker.InvokeAsync(Method<OrderedFunctions>(nameof(OrderedFunctions.Run)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(
            ["setup global", "setup class", "setup method", "setup ctor", "setup param-sub", "setup param", "setup second-param", "body"],
            journal.Entries.Take(8));
    }

    [Fact]
    public async Task Teardown_IsTheExactReverseOfSetup()
    {
        await using var worker = Workers.Create(Marks.Register, out var journal, out _);

        (await worker.InvokeAsync(Method<OrderedFunctions>(nameof(OrderedFunctions.Run)), TriggerInput.Queue("m"))).EnsureSucceeded();

        var setups = journal.StartingWith("setup ").Select(e => e["setup ".Length..]);
        var teardowns = journal.StartingWith("teardown ").Select(e => e["teardown ".Length..]);
        Assert.Equal(setups.Reverse(), teardowns);
    }

    [Fact]
    public async Task NestedChain_TornDownCThenBThenA_EachSeesItsSubDependencyStillOpen()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        (await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(
            ["finally C Succeeded - sub-open", "finally B Succeeded - sub-open", "finally A Succeeded -"],
            journal.StartingWith("finally"));
    }

    [Fact]
    public async Task SeveralGlobalsAndSeveralDepends_AreSetUpInDeclarationOrder_AndTornDownInReverse()
    {
        await using var worker = Workers.Create(
            deps => deps.AddClass<Marker<FirstMarker>>().AddClass<Marker<SecondMarker>>().AddClass<Marker<ThirdMarker>>().AddGlobal<FirstMarker>(),
            out var journal,
            out _);

        (await worker.InvokeAsync(Method<DeclarationOrderFunctions>(nameof(DeclarationOrderFunctions.Declared)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(
            ["setup FirstMarker", "setup ThirdMarker", "setup SecondMarker", "body", "teardown SecondMarker", "teardown ThirdMarker", "teardown FirstMarker"],
            journal.Entries);
    }
}
