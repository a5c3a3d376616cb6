using Xunit;

namespace YieldDeps.Tests.Support;

/// <summary>
/// A fact that needs PostgreSQL (<see cref="PostgresServer.Variable"/>). On a developer machine without it, the test is
/// skipped and says how to run it; in CI (CI=true) it always runs, and fails when the variable is missing.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Skips the test when no server is set, outside CI.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null &&
            !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Set {PostgresServer.Variable} to a PostgreSQL connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=yielddeps;Password=yielddeps;Database=yielddeps\"), or run bash .ci/run, which starts one.";
        }
    }
}
