using YieldDeps;

namespace ColdStart.Apps;

/// <summary>
/// The three resources as yield dependencies, chained as in the sample's PingChain: each opens, yields, and once the
/// function succeeded commits or finishes; <c>finally</c> and <c>await using</c> run either way.
/// </summary>
public static class Dependencies
{
    public static void Register(DependencyRegistry deps)
    {
        deps.Add(OpenConnection);
        deps.Add(BeginTransaction);
        deps.Add(Describe);
    }

    public static async IAsyncEnumerable<Connection> OpenConnection()
    {
        await using var connection = await Connection.OpenAsync();
        yield return connection;
        connection.Commit();
    }

    public static async IAsyncEnumerable<Transaction> BeginTransaction(Connection connection)
    {
        await using var transaction = new Transaction(connection);
        yield return transaction;
        await transaction.CommitAsync();
    }

    public static async IAsyncEnumerable<RequestInfo> Describe(Transaction transaction)
    {
        var info = new RequestInfo(transaction);
        yield return info;
        info.Finish();
        await Task.CompletedTask; // async like the other two, though it has nothing to wait for
    }
}
