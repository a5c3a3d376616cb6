namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// A fact that needs PostgreSQL (the <see cref="PostgresLoadDatabase.Variable"/> connection string). On a developer
/// machine without it, the test is skipped and says how to run it; in CI (CI=true) it always runs, and fails when the
/// variable is missing.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresLoadDatabase.Variable)) &&
            !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Set {PostgresLoadDatabase.Variable} to a PostgreSQL connection string (e.g. \"Host=127.0.0.1;Port=5432;Username=yielddeps;Password=yielddeps;Database=yielddeps\"), or run bash .ci/run, which starts one.";
        }
    }
}
