using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.EntityFrameworkCore.Tests.Model;

namespace YieldDeps.EntityFrameworkCore.Tests;

/// <summary>The registrations the package README quotes, compiled here and run by <see cref="ReadmeExampleTests"/>.</summary>
public static class ReadmeExamples
{
    public static void RegisterWithOptions(DependencyRegistry deps)
    {
        #region options
        deps.AddDbContextUnitOfWork<OrdersDb>(o =>
        {
            o.IsolationLevel = IsolationLevel.Serializable;    // default: the provider's
            o.SaveChanges = true;                              // default: SaveChangesAsync before the commit
            o.FailWhen = outcome => outcome.HttpStatus >= 400;  // roll back on a 4xx or 5xx result too
            o.MapSaveFailure = failure => failure is DbUpdateConcurrencyException
                ? new HttpProblemException(412, "Changed since you read it.", failure)
                : null;                                        // anything else stays a DbUpdateException (500)
        });
        #endregion
    }

    public static void RegisterVerifyingCommits(DependencyRegistry deps)
    {
        #region verify-commit
        deps.AddDbContextUnitOfWork<OrdersDb>(o => o.VerifyCommit = true);
        #endregion
    }

    public static void AddWithRetries(IServiceCollection services, string connectionString)
    {
        #region retrying-strategy
        services.AddDbContext<OrdersDb>(options => options.UseNpgsql(
            connectionString,
            npgsql => npgsql.EnableRetryOnFailure()));
        #endregion
    }
}
