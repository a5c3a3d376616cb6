namespace FunctionApp.Sample.EntityFrameworkCore.Data;

/// <summary>An order of some quantity of one product.</summary>
public sealed class Order
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }
}
