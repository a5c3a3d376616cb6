using FunctionApp.Sample.EntityFrameworkCore.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;
using YieldDeps.EntityFrameworkCore;

namespace FunctionApp.Sample.EntityFrameworkCore;

/// <summary>The app's registrations, shared by <c>Program.cs</c> and the tests.</summary>
public static class ShopApp
{
    /// <summary>The shop's context, on the SQLite database of the connection string.</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="connectionString">A SQLite connection string, for example <c>Data Source=shop.db</c>.</param>
    public static void AddShopDb(IServiceCollection services, string connectionString)
    {
        #region register-context
        services.AddDbContextFactory<ShopDb>(options => options.UseSqlite(connectionString));
        #endregion
    }

    /// <summary>The dependencies: one unit of work of <see cref="ShopDb"/> per invocation.</summary>
    /// <param name="deps">The app's dependency registry.</param>
    public static void RegisterDependencies(DependencyRegistry deps)
    {
        #region register-unit-of-work
        deps.AddDbContextUnitOfWork<ShopDb>();
        #endregion
    }
}
