namespace FunctionApp.Sample.EntityFrameworkCore.Data;

/// <summary>A product and its stock; the SKU is unique.</summary>
public sealed class Product
{
    public int Id { get; set; }

    public required string Sku { get; set; }

    public required string Name { get; set; }

    public int Stock { get; set; }
}
