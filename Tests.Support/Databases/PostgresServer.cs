namespace YieldDeps.Tests.Support;

/// <summary>
/// The PostgreSQL server the repository's tests use: a connection string in <see cref="Variable"/>, which
/// <c>bash .ci/run</c> sets after starting a server of its own.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable that holds the server's connection string.</summary>
    public const string Variable = "YIELDDEPS_POSTGRES";

    /// <summary>The server's connection string, or null when none is set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>The server's connection string; throws, saying how to get one, when none is set.</summary>
    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"Set {Variable} to a PostgreSQL connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=yielddeps;Password=yielddeps;Database=yielddeps\"), or run bash .ci/run, which starts one.");
}
