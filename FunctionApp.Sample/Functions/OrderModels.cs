namespace FunctionApp.Sample.Functions;

public sealed record OrderRequest(string? Sku, int Quantity);

public sealed record Order(long Id, string Sku, int Quantity, bool Shipped);

public sealed record Product(string Sku, string Name, int Stock);
