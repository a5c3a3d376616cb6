namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL (<see cref="PostgresTestDatabase.Variable"/>). Without it, the test is skipped on a
/// developer machine and says how to run it; in CI (CI=true) it runs anyway and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable)) &&
            !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Set {PostgresTestDatabase.Variable} to a PostgreSQL connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=yielddeps;Database=yielddeps\"), or run bash .ci/run, which starts one.";
        }
    }
}
