using Microsoft.Azure.Functions.Worker;
using YieldDeps.EntityFrameworkCore.Tests.Model;   // the tests' context, in place of the app's

#region usings
using Microsoft.EntityFrameworkCore;                // UseSqlite
using Microsoft.Extensions.DependencyInjection;     // AddDbContextFactory
using YieldDeps;                                    // UseYieldDependencies
using YieldDeps.EntityFrameworkCore;                // AddDbContextUnitOfWork (without it: CS1061)
#endregion

// Outside the YieldDeps namespace, as an app's Program.cs is: the usings above are what it needs, so the README's
// block of them is compiled here as a user would paste it, and ReadmeExampleTests runs the setup.
namespace ReadmeApp;

/// <summary>The package README's setup, as an app's Program.cs writes it on its builder.</summary>
public static class ReadmeProgram
{
    public static void Configure(IFunctionsWorkerApplicationBuilder builder, string connectionString)
    {
        #region setup
        builder.Services.AddDbContextFactory<OrdersDb>(options => options.UseSqlite(connectionString));
        builder.UseYieldDependencies(deps => deps.AddDbContextUnitOfWork<OrdersDb>());
        #endregion
    }
}
