using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore.Tests.Model;

/// <summary>
/// The test context: customers with a unique e-mail, so a duplicate is a real constraint violation, and the commit
/// markers of a unit of work that verifies its commits.
/// </summary>
public sealed class OrdersDb(DbContextOptions<OrdersDb> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.AddCommitMarkers().Entity<Customer>(customer =>
        {
            customer.ToTable("customers");
            customer.Property(c => c.Id).HasColumnName("id");
            customer.Property(c => c.Email).HasColumnName("email");
            customer.HasIndex(c => c.Email).IsUnique();
        });
}
