using System.Data;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YieldDeps.EntityFrameworkCore.Tests.Functions;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;
using YieldDeps.Testing;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>
/// The unit of work through the real worker pipeline, on a real database: each scenario is run by
/// <see cref="SqliteUnitOfWorkTests"/> and <see cref="PostgresUnitOfWorkTests"/>. What a test reads back, it reads
/// over a connection of its own, after the invocation ended.
/// </summary>
public abstract class UnitOfWorkScenarios : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database!;

    protected Probe Probe { get; } = new();

    protected CommitCounter Commits { get; } = new();

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    protected async Task A_successful_function_is_saved_and_committed_once_with_the_scope_context()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "ada@example.com");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await Database.HasAsync("ada@example.com"));
        Assert.Equal(1, Commits.Commits);
        Assert.True(Probe.SameAsScope);
    }

    protected async Task With_a_factory_the_unit_of_work_owns_its_context_and_disposes_it()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, ContextRegistration.Factory, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "grace@example.com");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await Database.HasAsync("grace@example.com"));
        Assert.Equal(1, Commits.Commits);
        Assert.False(Probe.SameAsScope);
        Assert.Throws<ObjectDisposedException>(() => Probe.Context!.Model);
    }

    protected async Task An_exception_rolls_back_what_the_body_saved()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.SaveThenThrow), "alan@example.com");

        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("alan@example.com"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task A_cancelled_invocation_rolls_back()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, ContextRegistration.Factory, interceptors: Commits);
        using var cancellation = new CancellationTokenSource();

        var invocation = host.PostAsync(nameof(CustomerFunctions.SaveThenWait), "barbara@example.com", cancellationToken: cancellation.Token);
        await Probe.Waiting.Task;
        await cancellation.CancelAsync();
        var result = await invocation;

        Assert.NotEqual(HttpStatusCode.Created, result.HttpResponse?.StatusCode);
        Assert.False(await Database.HasAsync("barbara@example.com"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task An_app_wide_FailWhen_rule_rolls_back_and_the_response_stands()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, failWhen: o => o.HttpStatus >= 500, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.SaveThenAnswer), "edsger@example.com", "&status=503");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("edsger@example.com"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task A_FailWhen_rule_of_the_registration_rolls_back()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: o => o.FailWhen = outcome => outcome.HttpStatus == 202, interceptors: Commits);

        var refused = await host.PostAsync(nameof(CustomerFunctions.SaveThenAnswer), "john@example.com", "&status=202");
        var kept = await host.PostAsync(nameof(CustomerFunctions.SaveThenAnswer), "donald@example.com", "&status=200");

        Assert.Equal(HttpStatusCode.Accepted, refused.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("john@example.com"));
        Assert.True(await Database.HasAsync("donald@example.com"));
        Assert.Equal(1, Commits.Commits);
    }

    protected async Task A_constraint_violation_in_the_final_save_is_a_409_problem_and_nothing_is_committed()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), TestDatabase.Taken);

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task A_constraint_violation_escaping_the_body_is_a_409_problem_and_rolls_back_earlier_saves()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.SaveThenDuplicate), "barbara@example.com");

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        Assert.Equal("application/problem+json; charset=utf-8", result.HttpResponse.Header("Content-Type"));
        Assert.False(await Database.HasAsync("barbara@example.com"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task A_failed_save_the_body_caught_is_never_committed()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.SaveThenCatchDuplicate), "frances@example.com");

        Assert.Equal(HttpStatusCode.Conflict, result.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("frances@example.com"));
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task Without_MapSaveFailure_a_constraint_violation_is_a_500()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: o => o.MapSaveFailure = null, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), TestDatabase.Taken);

        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.Equal(0, Commits.Commits);
    }

    protected async Task A_transaction_the_body_committed_is_not_committed_again()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.SaveThenCommit), "niklaus@example.com");

        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.Equal(1, Commits.Commits);
        Assert.True(await Database.HasAsync("niklaus@example.com"));
    }

    protected async Task With_SaveChanges_off_only_what_the_body_saved_is_committed()
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: o => o.SaveChanges = false, interceptors: Commits);

        var unsaved = await host.PostAsync(nameof(CustomerFunctions.Add), "ken@example.com");
        var saved = await host.PostAsync(nameof(CustomerFunctions.CountThenSave), "dennis@example.com");

        Assert.Equal(HttpStatusCode.Created, unsaved.HttpResponse!.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("ken@example.com"));
        Assert.True(await Database.HasAsync("dennis@example.com"));
        Assert.Equal(2, Commits.Commits);
    }

    protected async Task With_VerifyCommit_a_commit_that_went_through_leaves_no_marker()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: Verified(name), watchOutcome: true, interceptors: Commits);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "ada@example.com");

        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await Database.HasAsync("ada@example.com"));
        Assert.Equal(1, Commits.Commits);
        Assert.Equal(0, await Database.CommitMarkersAsync());
        Assert.Empty(verifications.Verdicts);
        Assert.Empty(Probe.Verifications!);
    }

    protected async Task A_commit_that_happened_but_answered_an_error_is_verified_and_succeeds()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        var faults = new CommitFaults(CommitFault.AfterCommitting);
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: Verified(name), watchOutcome: true, interceptors: faults);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "grace@example.com");

        Assert.Equal(1, faults.Faults);
        Assert.True(result.Exception is null, result.Exception?.ToString());
        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await Database.HasAsync("grace@example.com"));
        Assert.Equal(["committed"], verifications.Verdicts);
        AssertVerified(name, CommitVerdict.Committed);
        Assert.Equal(0, await Database.CommitMarkersAsync());
    }

    protected async Task A_commit_that_did_not_happen_is_verified_and_fails()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        var faults = new CommitFaults(CommitFault.InsteadOfCommitting);
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: Verified(name), watchOutcome: true, interceptors: faults);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "alan@example.com");

        Assert.Equal(1, faults.Faults);
        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("alan@example.com"));
        Assert.Equal(["not_committed"], verifications.Verdicts);
        AssertVerified(name, CommitVerdict.NotCommitted);
        Assert.Equal(0, await Database.CommitMarkersAsync());
    }

    protected async Task A_commit_nobody_can_verify_is_a_503_problem()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        var faults = new CommitFaults(CommitFault.AfterCommitting) { RefuseConnectionsAfterFault = true };
        await using var host = UnitOfWorkHost.Create(
            Database, Probe, ContextRegistration.Factory, Verified(name, o => o.CommitVerificationTimeout = TimeSpan.FromMilliseconds(300)), watchOutcome: true, interceptors: faults);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "barbara@example.com");

        Assert.Equal(1, faults.Faults);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.HttpResponse!.StatusCode);
        Assert.Contains("could not confirm", result.HttpResponse.Body, StringComparison.Ordinal);
        Assert.Equal(["unknown"], verifications.Verdicts);
        AssertVerified(name, CommitVerdict.Unknown);
    }

    /// <summary>A dependency torn down after the unit of work found the one checked commit on the outcome.</summary>
    private void AssertVerified(string name, CommitVerdict verdict)
    {
        var verification = Assert.Single(Probe.Verifications!);
        Assert.Equal(name, verification.UnitOfWork);
        Assert.Equal(verdict, verification.Verdict);
    }

    protected static string VerifiedName() => $"verified-{Guid.NewGuid():N}";

    protected static Action<DbContextUnitOfWorkOptions> Verified(string name, Action<DbContextUnitOfWorkOptions>? more = null) => o =>
    {
        o.VerifyCommit = true;
        o.Name = name;
        more?.Invoke(o);
    };

    protected async Task<FunctionTestResult> IsolationAsync(IsolationLevel? level)
    {
        await using var host = UnitOfWorkHost.Create(Database, Probe, configure: o => o.IsolationLevel = level);
        return await host.InvokeAsync(
            typeof(CustomerFunctions).GetMethod(nameof(CustomerFunctions.Isolation))!,
            TriggerInput.Http("GET", "http://localhost/api/customers/isolation"));
    }
}
