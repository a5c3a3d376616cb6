using System.Data;
using System.Net;
using YieldDeps.EntityFrameworkCore.Tests.Functions;
using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>The unit of work's scenarios on a real PostgreSQL database (Npgsql's EF Core provider), plus the isolation level as PostgreSQL reports it.</summary>
[Trait("Category", "Postgres")]
public sealed class PostgresUnitOfWorkTests : UnitOfWorkScenarios
{
    [PostgresFact]
    public Task SuccessCommitsOnce() => A_successful_function_is_saved_and_committed_once_with_the_scope_context();

    [PostgresFact]
    public Task FactoryContextIsOwnedAndDisposed() => With_a_factory_the_unit_of_work_owns_its_context_and_disposes_it();

    [PostgresFact]
    public Task ExceptionRollsBack() => An_exception_rolls_back_what_the_body_saved();

    [PostgresFact]
    public Task CancellationRollsBack() => A_cancelled_invocation_rolls_back();

    [PostgresFact]
    public Task AppWideFailWhenRollsBack() => An_app_wide_FailWhen_rule_rolls_back_and_the_response_stands();

    [PostgresFact]
    public Task RegistrationFailWhenRollsBack() => A_FailWhen_rule_of_the_registration_rolls_back();

    [PostgresFact]
    public Task ViolationInFinalSaveIs409() => A_constraint_violation_in_the_final_save_is_a_409_problem_and_nothing_is_committed();

    [PostgresFact]
    public Task ViolationEscapingTheBodyIs409AndRollsBack() => A_constraint_violation_escaping_the_body_is_a_409_problem_and_rolls_back_earlier_saves();

    [PostgresFact]
    public Task CaughtFailedSaveIsNeverCommitted() => A_failed_save_the_body_caught_is_never_committed();

    [PostgresFact]
    public Task ViolationWithoutMappingIs500() => Without_MapSaveFailure_a_constraint_violation_is_a_500();

    [PostgresFact]
    public Task BodyCommitIsNotRepeated() => A_transaction_the_body_committed_is_not_committed_again();

    [PostgresFact]
    public Task SaveChangesOff() => With_SaveChanges_off_only_what_the_body_saved_is_committed();

    [PostgresFact]
    public Task VerifyCommitLeavesNoMarker() => With_VerifyCommit_a_commit_that_went_through_leaves_no_marker();

    [PostgresFact]
    public Task CommitLostAfterItHappenedIsVerifiedAsSuccess() => A_commit_that_happened_but_answered_an_error_is_verified_and_succeeds();

    [PostgresFact]
    public Task CommitThatDidNotHappenIsVerifiedAsFailure() => A_commit_that_did_not_happen_is_verified_and_fails();

    [PostgresFact]
    public Task UnverifiableCommitIs503() => A_commit_nobody_can_verify_is_a_503_problem();

    [PostgresFact]
    public async Task ASessionTerminatedBeforeCOMMITReachedItIsVerifiedAsFailure()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        var faults = new CommitFaults(CommitFault.InsteadOfCommitting) { BeforeFailing = TerminateAsync };
        await using var host = UnitOfWorkHost.Create(Database, Probe, ContextRegistration.Factory, Verified(name), interceptors: faults);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "ada@example.com");

        Assert.Equal(1, faults.Faults);
        Assert.Equal(HttpStatusCode.InternalServerError, result.HttpResponse!.StatusCode);
        Assert.False(await Database.HasAsync("ada@example.com"));
        Assert.Equal(["not_committed"], verifications.Verdicts);
        Assert.Equal(0, await ((PostgresTestDatabase)Database).IdleInTransactionAsync());
    }

    [PostgresFact]
    public async Task ASessionTerminatedAfterItCommittedIsVerifiedAsSuccess()
    {
        var name = VerifiedName();
        using var verifications = new CommitVerifications(name);
        var faults = new CommitFaults(CommitFault.AfterCommitting) { BeforeFailing = TerminateAsync };
        await using var host = UnitOfWorkHost.Create(Database, Probe, ContextRegistration.Factory, Verified(name), interceptors: faults);

        var result = await host.PostAsync(nameof(CustomerFunctions.Add), "grace@example.com");

        // The terminated session's connection went back to the pool looking healthy (nothing was read from it after
        // the commit): drop it, so that the reads below do not meet it.
        Npgsql.NpgsqlConnection.ClearAllPools();
        Assert.Equal(1, faults.Faults);
        Assert.True(result.Exception is null, result.Exception?.ToString());
        Assert.Equal(HttpStatusCode.Created, result.HttpResponse!.StatusCode);
        Assert.True(await Database.HasAsync("grace@example.com"));
        Assert.Equal(["committed"], verifications.Verdicts);
        Assert.Equal(0, await Database.CommitMarkersAsync());
    }

    [PostgresFact]
    public async Task TheIsolationLevelIsTheOneAskedFor()
    {
        var serializable = await IsolationAsync(IsolationLevel.Serializable);
        var repeatable = await IsolationAsync(IsolationLevel.RepeatableRead);
        var byDefault = await IsolationAsync(null);

        Assert.Equal(HttpStatusCode.OK, serializable.HttpResponse!.StatusCode);
        Assert.Equal("serializable", serializable.HttpResponse.Body);
        Assert.Equal("repeatable read", repeatable.HttpResponse!.Body);
        Assert.Equal("read committed", byDefault.HttpResponse!.Body);
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync();

    /// <summary>Terminates the server session of <paramref name="connection"/> from another connection, as an administrator or a failover would.</summary>
    private Task TerminateAsync(System.Data.Common.DbConnection connection) =>
        ((PostgresTestDatabase)Database).TerminateAsync(((Npgsql.NpgsqlConnection)connection).ProcessID);
}
