using Microsoft.EntityFrameworkCore;
using YieldDeps.EntityFrameworkCore.Tests.Model;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>A real database with the <see cref="OrdersDb"/> schema, of its own for one test, read back over a connection of its own.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string Taken = "taken@example.com";

    /// <summary>Points EF Core at this database.</summary>
    /// <param name="options">The app's context options.</param>
    /// <param name="retryOnFailure">Whether to use the provider's retrying execution strategy.</param>
    public abstract void Configure(DbContextOptionsBuilder options, bool retryOnFailure = false);

    public async Task<bool> HasAsync(string email)
    {
        await using var db = Open();
        return await db.Customers.AnyAsync(c => c.Email == email);
    }

    /// <summary>Counts the commit markers left in the table of <c>AddCommitMarkers()</c>.</summary>
    public async Task<int> CommitMarkersAsync()
    {
        await using var db = Open();
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM yielddeps_commit_markers").SingleAsync();
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>Creates the schema and the customer whose e-mail is <see cref="Taken"/>.</summary>
    protected async Task CreateSchemaAsync()
    {
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
        db.Customers.Add(new Customer { Email = Taken });
        await db.SaveChangesAsync();
    }

    private OrdersDb Open()
    {
        var options = new DbContextOptionsBuilder<OrdersDb>();
        Configure(options);
        return new OrdersDb(options.Options);
    }
}
