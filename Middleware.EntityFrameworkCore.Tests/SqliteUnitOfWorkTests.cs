using YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>The unit of work's scenarios on a real SQLite database file.</summary>
public sealed class SqliteUnitOfWorkTests : UnitOfWorkScenarios
{
    [Fact]
    public Task SuccessCommitsOnce() => A_successful_function_is_saved_and_committed_once_with_the_scope_context();

    [Fact]
    public Task FactoryContextIsOwnedAndDisposed() => With_a_factory_the_unit_of_work_owns_its_context_and_disposes_it();

    [Fact]
    public Task ExceptionRollsBack() => An_exception_rolls_back_what_the_body_saved();

    [Fact]
    public Task CancellationRollsBack() => A_cancelled_invocation_rolls_back();

    [Fact]
    public Task AppWideFailWhenRollsBack() => An_app_wide_FailWhen_rule_rolls_back_and_the_response_stands();

    [Fact]
    public Task RegistrationFailWhenRollsBack() => A_FailWhen_rule_of_the_registration_rolls_back();

    [Fact]
    public Task ViolationInFinalSaveIs409() => A_constraint_violation_in_the_final_save_is_a_409_problem_and_nothing_is_committed();

    [Fact]
    public Task ViolationEscapingTheBodyIs409AndRollsBack() => A_constraint_violation_escaping_the_body_is_a_409_problem_and_rolls_back_earlier_saves();

    [Fact]
    public Task CaughtFailedSaveIsNeverCommitted() => A_failed_save_the_body_caught_is_never_committed();

    [Fact]
    public Task ViolationWithoutMappingIs500() => Without_MapSaveFailure_a_constraint_violation_is_a_500();

    [Fact]
    public Task BodyCommitIsNotRepeated() => A_transaction_the_body_committed_is_not_committed_again();

    [Fact]
    public Task SaveChangesOff() => With_SaveChanges_off_only_what_the_body_saved_is_committed();

    [Fact]
    public Task VerifyCommitLeavesNoMarker() => With_VerifyCommit_a_commit_that_went_through_leaves_no_marker();

    [Fact]
    public Task CommitLostAfterItHappenedIsVerifiedAsSuccess() => A_commit_that_happened_but_answered_an_error_is_verified_and_succeeds();

    [Fact]
    public Task CommitThatDidNotHappenIsVerifiedAsFailure() => A_commit_that_did_not_happen_is_verified_and_fails();

    [Fact]
    public Task UnverifiableCommitIs503() => A_commit_nobody_can_verify_is_a_503_problem();

    protected override async Task<TestDatabase> CreateDatabaseAsync() => await SqliteTestDatabase.CreateAsync();
}
