using Microsoft.Extensions.DependencyInjection;
using YieldDeps.Testing;
using YieldDeps.Tests.Fixtures;
using static YieldDeps.Tests.Fixtures.FunctionMethods;

namespace YieldDeps.Tests.Rules;

/// <summary>SEMANTICS section 9: overrides.</summary>
public sealed class OverrideTests
{
    [Fact]
    public async Task Override_ReplacesTheDependencyAndItsSubtree_ClearRestoresTheOriginal()
    {
        await using var worker = Workers.Chain(out var journal, out _);
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();
        var method = Method<ChainFunctions>(nameof(ChainFunctions.Queue));
        (await worker.InvokeAsync(method, TriggerInput.Queue("before"))).EnsureSucceeded();

        overrides.Override<B>(Replacements.FakeB);
        var overridden = journal.Entries.Count;
        (await worker.InvokeAsync(method, TriggerInput.Queue("during"))).EnsureSucceeded();
        var during = journal.Entries.Skip(overridden).ToList();

        overrides.Clear();
        var cleared = journal.Entries.Count;
        (await worker.InvokeAsync(method, TriggerInput.Queue("after"))).EnsureSucceeded();
        var after = journal.Entries.Skip(cleared).ToList();

        Assert.Equal(["setup fake B", "setup C"], during.Where(e => e.StartsWith("setup", StringComparison.Ordinal)));
        Assert.DoesNotContain(during, e => e.Contains(" A", StringComparison.Ordinal) && e.StartsWith("setup", StringComparison.Ordinal));
        Assert.Contains("finally fake B", during);
        Assert.Equal(["setup A", "setup B", "setup C"], after.Where(e => e.StartsWith("setup", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Override_WithAClassStyleReplacement_AndRemove()
    {
        await using var worker = Workers.Chain(out var journal, out _);
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();
        var method = Method<ChainFunctions>(nameof(ChainFunctions.Queue));

        overrides.OverrideClass<B, FakeBDependency>();
        (await worker.InvokeAsync(method, TriggerInput.Queue("during"))).EnsureSucceeded();
        Assert.True(overrides.Remove<B>());
        var removed = journal.Entries.Count;
        (await worker.InvokeAsync(method, TriggerInput.Queue("after"))).EnsureSucceeded();

        Assert.Equal(["enter class B", "setup C"], journal.Entries.Take(removed).Where(e => e.StartsWith("setup", StringComparison.Ordinal) || e.StartsWith("enter", StringComparison.Ordinal)));
        Assert.Contains("exit class B", journal.Entries.Take(removed));
        Assert.Contains("setup A", journal.Entries.Skip(removed));
        Assert.False(overrides.Remove<B>());
    }

    [Fact]
    public async Task Override_WhoseParametersCanNeverResolve_FailsWhenSet_WithTheStartupMessage_AndTheOriginalStays()
    {
        await using var worker = Workers.Chain(out var journal, out _);
        await worker.StartAsync();
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();

        var error = Assert.Throws<DependencyRegistrationException>(() => overrides.Override<B>(BrokenOverride.NeedsOpaque));

        Assert.Contains("Dependency 'BrokenOverride.NeedsOpaque' (B) has parameter 'opaque' of type Opaque that cannot be resolved", error.Message, StringComparison.Ordinal);
        (await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"))).EnsureSucceeded();
        Assert.Contains("setup B", journal.Entries);
    }

    [Fact]
    public async Task Override_MayBringASubDependencyTypeThatWasNeverRegistered_ItsOwnParametersCheckedWhenSet()
    {
        await using var worker = Workers.Chain(out var journal, out _);
        await worker.StartAsync();
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();

        var missing = Assert.Throws<DependencyRegistrationException>(() => overrides.Override<B>(StampedReplacements.StampedB));
        var broken = Assert.Throws<DependencyRegistrationException>(() => overrides.Override<Stamp>(StampedReplacements.BrokenStamp));
        overrides.Override<Stamp>(StampedReplacements.MakeStamp);
        overrides.Override<B>(StampedReplacements.StampedB);
        (await worker.InvokeAsync(Method<ChainFunctions>(nameof(ChainFunctions.Queue)), TriggerInput.Queue("m"))).EnsureSucceeded();

        Assert.Contains("Dependency 'StampedReplacements.StampedB' (B) has parameter 'stamp' of type Stamp that cannot be resolved", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Dependency 'StampedReplacements.BrokenStamp' (Stamp) has parameter 'opaque' of type Opaque that cannot be resolved", broken.Message, StringComparison.Ordinal);
        Assert.Contains("setup B with stamp-1", journal.Entries);
    }

    [Fact]
    public async Task AnInvocationAlreadyRunning_KeepsItsDependencies_WhenAnOverrideIsSet_TheNextOneGetsTheReplacement()
    {
        await using var worker = Workers.Chain(out var journal, out _);

        (await worker.InvokeAsync(Method<DeclarationOrderFunctions>(nameof(DeclarationOrderFunctions.OverridesWhileRunning)), TriggerInput.Queue("m"))).EnsureSucceeded();
        var first = journal.Entries.ToList();
        (await worker.InvokeAsync(Method<DeclarationOrderFunctions>(nameof(DeclarationOrderFunctions.OverridesWhileRunning)), TriggerInput.Queue("m"))).EnsureSucceeded();
        var second = journal.Entries.Skip(first.Count).ToList();

        Assert.Contains("setup B", first);
        Assert.DoesNotContain("finally fake B", first);
        Assert.Contains("setup fake B", second);
    }

    [Fact]
    public async Task Override_UnderARequestScopedDependant_MustBeRequestScopedToo()
    {
        await using var worker = Workers.Create(
            deps =>
            {
                RequestScoped.Register(deps);
                deps.Add((StreamSession session) => new Cursor(new Audit(session)), o => o.Scope = DependencyScope.Request);
            },
            out _,
            out _);
        await worker.StartAsync();
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();

        var error = Assert.Throws<DependencyRegistrationException>(() => overrides.Override<StreamSession>(() => new StreamSession()));
        overrides.Override<StreamSession>(() => new StreamSession(), o => o.Scope = DependencyScope.Request);

        Assert.Contains("Request-scoped dependency 'Cursor' depends on function-scoped dependency 'StreamSession'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestScopedOverride_WithoutARequestScopedRegistration_FailsWhenSet()
    {
        await using var worker = Workers.Chain(out _, out _);
        await worker.StartAsync();
        var overrides = worker.Services.GetRequiredService<IDependencyOverrides>();

        var error = Assert.Throws<DependencyRegistrationException>(() => overrides.Override<B>(Replacements.FakeB, o => o.Scope = DependencyScope.Request));

        Assert.Contains("is request-scoped, but no registration of the app is", error.Message, StringComparison.Ordinal);
    }
}
