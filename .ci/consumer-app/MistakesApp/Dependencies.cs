using System.Runtime.CompilerServices;

namespace MistakesApp;

public sealed class Unit
{
    public static async IAsyncEnumerable<Unit> Open([EnumeratorCancellation] CancellationToken ct)
    {
        var unit = new Unit();
        yield return unit;
        await unit.CommitAsync(ct);  // YD0002: the teardown should take outcome.TeardownToken
    }

    public Task CommitAsync(CancellationToken ct) => Task.CompletedTask;
}

public sealed record Twice(int Round)
{
    public static IEnumerable<Twice> Open()  // YD0001: yields twice
    {
        yield return new Twice(1);
        yield return new Twice(2);
    }
}

public sealed record Order(int Id);

public static class Orders
{
    public static IEnumerable<Order> All() => [new Order(1)];
}

public sealed record Ledger(int Id);

public sealed record Audit(int Id);

public sealed class ShopDb(Microsoft.EntityFrameworkCore.DbContextOptions<ShopDb> options) : Microsoft.EntityFrameworkCore.DbContext(options)
{
}

public sealed class Reader
{
    public static IEnumerable<Reader> Open()
    {
        yield return new Reader();
    }

    public IEnumerable<int> Rows()
    {
        yield return 1;
    }
}
