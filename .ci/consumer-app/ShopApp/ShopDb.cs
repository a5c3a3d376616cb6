using Microsoft.EntityFrameworkCore;

namespace ShopApp;

public sealed class Product
{
    public int Id { get; set; }

    public required string Sku { get; set; }
}

/// <summary>Products with a unique SKU, so a second product of the same SKU is a real constraint violation.</summary>
public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique();
}
