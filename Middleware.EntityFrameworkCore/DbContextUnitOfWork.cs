using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// The unit of work of one context type: gets the context (from the app's factory, or the invocation scope's), begins
/// the transaction inside the context's execution strategy, yields the context, then saves and commits on success,
/// or rolls back. Commits at most once, and never after a save of the unit of work failed.
/// </summary>
/// <typeparam name="TContext">The context type.</typeparam>
internal sealed class DbContextUnitOfWork<TContext>(DbContextUnitOfWorkOptions options)
    where TContext : DbContext
{
    public async IAsyncEnumerable<TContext> RunAsync(
        FunctionContext function,
        InvocationOutcome outcome,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var services = function.InstanceServices;
        var factory = services.GetService<IDbContextFactory<TContext>>();
        var context = factory is null ? services.GetRequiredService<TContext>() : await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var saves = new SaveWatch(context);
        IDbContextTransaction? transaction = null;
        var resumed = false;
        var commitAttempted = false;
        try
        {
            var strategy = context.Database.CreateExecutionStrategy();
            transaction = await BeginAsync(strategy, context, cancellationToken).ConfigureAwait(false);
            if (strategy is ExecutionStrategy { RetriesOnFailure: true } retrying)
            {
                // A retrying strategy refuses to run inside a transaction it did not start; the body runs as inside
                // it instead, once, and a transient failure fails the whole unit of work.
                outcome.RunBeforeBody(() => ExecutionStrategySuspension.Suspend(retrying));
            }

            yield return context;

            // The function succeeded and no FailWhen rule counted its result as a failure.
            resumed = true;
            var teardownToken = outcome.TeardownToken;
            if (!ReferenceEquals(context.Database.CurrentTransaction, transaction))
            {
                throw new InvalidOperationException(
                    $"The transaction of {Name} was committed or rolled back by the function; the unit of work owns it, so nothing more was committed.");
            }

            if (saves.Failure is { } failedSave)
            {
                // The function caught a failed save and went on: what it saved before must not be committed.
                throw (Exception?)Answer(function, failedSave) ?? new InvalidOperationException(
                    $"A SaveChanges of {Name} failed during the function, which went on; the unit of work was rolled back.", failedSave);
            }

            if (options.SaveChanges)
            {
                await SaveAsync(function, context, teardownToken).ConfigureAwait(false);
            }

            if (options.VerifyCommit)
            {
                var marker = await CommitMarkers.WriteAsync(context, Name, teardownToken).ConfigureAwait(false);
                commitAttempted = true;
                await CommitVerifiedAsync(function, outcome, context, transaction, marker, teardownToken).ConfigureAwait(false);
            }
            else
            {
                commitAttempted = true;
                await transaction.CommitAsync(teardownToken).ConfigureAwait(false);
            }
        }
        finally
        {
            saves.Dispose();
            await EndAsync(context, transaction, owned: factory is not null, rollback: !commitAttempted, outcome.TeardownToken).ConfigureAwait(false);

            // The failure path (disposed without being resumed): after the rollback, a failed save the function let
            // escape is answered as the options say, for HTTP triggers; anything else stays as it is.
            if (!resumed && transaction is not null && outcome.Exception is DbUpdateException escaped && Answer(function, escaped) is { } problem)
            {
                throw problem;
            }
        }
    }

    private const string LogCategory = "YieldDeps";

    private string Name => options.Name ?? DbContextUnitOfWorkExtensions.DefaultName(typeof(TContext));

    /// <summary>
    /// Commits; when the commit throws, its outcome is unknown (the connection may have broken after the server
    /// committed): the marker, read on a fresh connection, decides. Committed, the exception is dropped; not committed,
    /// it stands; no answer, a <see cref="CommitVerificationException"/> replaces it. The verdict is recorded on the
    /// outcome, in the telemetry and in the log.
    /// </summary>
    private async Task CommitVerifiedAsync(FunctionContext function, InvocationOutcome outcome, TContext context, IDbContextTransaction transaction, string marker, CancellationToken teardownToken)
    {
        try
        {
            await transaction.CommitAsync(teardownToken).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            var (verdict, checkFailure) = await CommitMarkers.VerifyAsync<TContext>(
                function.InstanceServices, context, marker, options.CommitVerificationTimeout, CancellationToken.None).ConfigureAwait(false);
            CommitVerificationTelemetry.Record(Name, verdict);
            CommitVerificationOutcomeExtensions.Record(outcome, Name, verdict);
            function.GetLogger(LogCategory).LogWarning(
                failure, "The commit of {UnitOfWork} failed with its outcome unknown; its marker on a fresh connection says: {Verdict}.",
                Name, CommitVerificationTelemetry.Name(verdict));
            switch (verdict)
            {
                case CommitVerdict.Committed:
                    return;
                case CommitVerdict.NotCommitted:
                    throw;
                default:
                    throw new CommitVerificationException(Name, failure, checkFailure);
            }
        }

        await CommitMarkers.DeleteAsync(context, marker, teardownToken).ConfigureAwait(false);
    }

    private Task<IDbContextTransaction> BeginAsync(IExecutionStrategy strategy, TContext context, CancellationToken cancellationToken) =>
        strategy.ExecuteAsync(
            (Context: context, Level: options.IsolationLevel),
            static (_, state, token) => state.Level is { } level
                ? state.Context.Database.BeginTransactionAsync(level, token)
                : state.Context.Database.BeginTransactionAsync(token),
            verifySucceeded: null,
            cancellationToken);

    private async Task SaveAsync(FunctionContext function, TContext context, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (Answer(function, e) is { } problem)
        {
            throw problem;
        }
    }

    private HttpProblemException? Answer(FunctionContext function, DbUpdateException failure) =>
        IsHttp(function) ? options.MapSaveFailure?.Invoke(failure) : null;

    private static bool IsHttp(FunctionContext function) =>
        function.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase));

    private static async Task EndAsync(TContext context, IDbContextTransaction? transaction, bool owned, bool rollback, CancellationToken teardownToken)
    {
        try
        {
            if (transaction is not null)
            {
                // Rolled back unless a commit was attempted (a failed commit leaves nothing to roll back), and only
                // while the transaction is still the context's own (the function may have ended it).
                if (rollback && ReferenceEquals(context.Database.CurrentTransaction, transaction))
                {
                    await transaction.RollbackAsync(teardownToken).ConfigureAwait(false);
                }

                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (owned)
            {
                await context.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
