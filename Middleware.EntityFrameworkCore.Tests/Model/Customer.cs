namespace YieldDeps.EntityFrameworkCore.Tests.Model;

/// <summary>A row of the test database; the e-mail is unique.</summary>
public sealed class Customer
{
    public int Id { get; set; }

    public required string Email { get; set; }
}
