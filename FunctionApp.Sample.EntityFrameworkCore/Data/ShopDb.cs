using Microsoft.EntityFrameworkCore;

namespace FunctionApp.Sample.EntityFrameworkCore.Data;

/// <summary>The shop's context: products with a unique SKU, and orders that must name an existing product.</summary>
public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique();
        modelBuilder.Entity<Order>().HasOne<Product>().WithMany().HasForeignKey(o => o.ProductId);
    }
}
