using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();               // ASP.NET Core integration first,
builder.UseYieldDependencies(Db.Register);                // then YieldDeps (startup fails the other way round)
builder.Build().Run();

// A yield dependency: one SQLite connection and transaction per invocation.
public sealed record Db(SqliteConnection Connection, SqliteTransaction Transaction)
{
    // The registrations live in a method, so a unit test can check them (StartupChecks, DependencyRun).
    public static void Register(DependencyRegistry deps) => deps.Add(Open);

    public static async IAsyncEnumerable<Db> Open(IConfiguration config, InvocationOutcome outcome, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = new SqliteConnection(config["NotesDb"] ?? "Data Source=notes.db");
        await connection.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        await using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync(ct);
        }

        yield return new Db(connection, tx);  // the function runs here
        await tx.CommitAsync(outcome.TeardownToken);  // only on success; on failure `await using` rolls back
    }
}
