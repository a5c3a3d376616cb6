using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 1: the three styles of authoring a dependency.</summary>
public sealed class StyleTests
{
    [Fact]
    public async Task ClassDependency_EntersBeforeBody_ExitGetsNullOnSuccess()
    {
        await using var worker = Workers.Create(deps => deps.AddClass<LedgerDependency>(), out var journal, out _);

        (await worker.InvokeAsync(Method<StyleFunctions>(nameof(StyleFunctions.UseLedger)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(["ledger enter", "body", "ledger exit null lines=1 token-cancelled=False"], journal.Entries);
    }

    [Fact]
    public async Task ClassDependency_ExitGetsTheExceptionOnFailure()
    {
        await using var worker = Workers.Create(deps => deps.AddClass<LedgerDependency>(), out var journal, out var faults);
        faults.BodyFails = true;

        var result = await worker.InvokeAsync(Method<StyleFunctions>(nameof(StyleFunctions.UseLedger)), TriggerInput.Queue("m"));

        Assert.IsType<BodyFailedException>(result.Exception);
        Assert.Equal("ledger exit BodyFailedException lines=1 token-cancelled=False", journal.Entries[^1]);
    }

    [Fact]
    public async Task PlainDependencies_ValueTaskAndValueTaskOfT_AreAwaited_AndAReturnedDisposableIsNotDisposed()
    {
        await using var worker = Workers.Create(
            deps => deps.Add(PlainDependencies.OpenHandle).Add(PlainDependencies.LoadAsync).Add(PlainDependencies.LoadValueTask),
            out var journal,
            out _,
            s => s.AddSingleton<HandleHolder>());

        (await worker.InvokeAsync(Method<StyleFunctions>(nameof(StyleFunctions.UsePlain)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(["body handle-disposed=False loaded 42"], journal.Entries);
        Assert.False(worker.Services.GetRequiredService<HandleHolder>().Handle!.Disposed);
    }

    [Fact]
    public async Task PlainDependency_WithDisposeValue_IsDisposedAfterTheFunction()
    {
        await using var worker = Workers.Create(
            deps => deps.Add(PlainDependencies.OpenHandle, o => o.DisposeValue = true).Add(PlainDependencies.LoadAsync).Add(PlainDependencies.LoadValueTask),
            out var journal,
            out _,
            s => s.AddSingleton<HandleHolder>());

        (await worker.InvokeAsync(Method<StyleFunctions>(nameof(StyleFunctions.UsePlain)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Equal(["body handle-disposed=False loaded 42"], journal.Entries);
        Assert.True(worker.Services.GetRequiredService<HandleHolder>().Handle!.Disposed);
    }

    [Fact]
    public void Registration_OfAFactoryThatProvidesNothing_FailsNamingIt()
    {
        var registry = new DependencyRegistry();

        var error = Assert.Throws<DependencyRegistrationException>(() => registry.Add(ProvidesNothing));

        Assert.Contains("'StyleTests.ProvidesNothing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_UnderAKeyTheValueDoesNotFit_FailsNamingBoth()
    {
        var registry = new DependencyRegistry();

        var error = Assert.Throws<DependencyRegistrationException>(() => registry.Add<IDisposable>(PlainDependencies.LoadAsync));

        Assert.Contains("LoadAsync", error.Message, StringComparison.Ordinal);
        Assert.Contains("IDisposable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_OfAClassWithoutIDependency_FailsNamingIt()
    {
        var registry = new DependencyRegistry();

        var error = Assert.Throws<DependencyRegistrationException>(() => registry.AddClass<Handle>());

        Assert.Contains("Handle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_OfASequenceFromANonIteratorMethod_FailsAskingWhichWasMeant()
    {
        var registry = new DependencyRegistry();

        var error = Assert.Throws<DependencyRegistrationException>(() => registry.Add(NotAnIterator));
        registry.Add<IEnumerable<Tally>>(NotAnIterator);

        Assert.Contains("'StyleTests.NotAnIterator'", error.Message, StringComparison.Ordinal);
        Assert.Contains("yield return", error.Message, StringComparison.Ordinal);
    }

    private static Task ProvidesNothing() => Task.CompletedTask;

    private static IEnumerable<Tally> NotAnIterator() => [new Tally()];

    [Fact]
    public void Registration_RejectsAnAbstractClass_AClassWithoutAPublicConstructor_AndAByRefParameter_NamingEach()
    {
        var deps = new DependencyRegistry();

        var abstractClass = Assert.Throws<DependencyRegistrationException>(() => deps.AddClass<AbstractDependency>());
        var hidden = Assert.Throws<DependencyRegistrationException>(() => deps.AddClass<HiddenConstructorDependency>());
        var byRef = Assert.Throws<DependencyRegistrationException>(() => deps.Add(ByRefFactory.Make));

        Assert.Contains("'AbstractDependency' is abstract", abstractClass.Message, StringComparison.Ordinal);
        Assert.Contains("'HiddenConstructorDependency' has no public constructor", hidden.Message, StringComparison.Ordinal);
        Assert.Contains("'ByRefFactory.Make' has parameter 'counter' passed by reference", byRef.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALambdaReturningAnIterator_KeyedByTheElementType_IsAYieldDependency()
    {
        var journal = new Journal();
        await using var run = await DependencyRun.StartAsync<StrictResource>(
            deps => deps.Add<StrictResource>((Journal j) => OutcomeProbe.Strict(j)),
            o => o.Services.AddSingleton(journal));

        await run.SucceedAsync();

        Assert.Equal(["strict resumed"], journal.Entries);
    }

    [Fact]
    public void ALambdaReturningASequence_WithoutAKey_IsStillRejected_AskingWhichWasMeant()
    {
        var deps = new DependencyRegistry();

        var error = Assert.Throws<DependencyRegistrationException>(() => deps.Add((Journal j) => OutcomeProbe.Strict(j)));

        Assert.Contains("is not an iterator method", error.Message, StringComparison.Ordinal);
    }
}
