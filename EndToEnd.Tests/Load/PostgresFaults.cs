using System.Diagnostics;
using Npgsql;
using YieldDeps.EndToEnd.Tests.Infrastructure;

namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>
/// Faults from the database's side while a PostgreSQL round runs: a connection of its own terminates a session of the
/// app (<c>pg_terminate_backend</c>) every <see cref="KillInterval"/>, one that is committing when there is one, and
/// the server is restarted (<c>.ci/postgres restart DIR</c>) in the middle of the first round it sees, when the
/// cluster's folder is known. Counts what it did.
/// </summary>
public sealed class PostgresFaults : ILoadFaults
{
    /// <summary>The variable naming the cluster's folder, for the restart (<c>.ci/run</c> sets it).</summary>
    public const string DirectoryVariable = "YIELDDEPS_POSTGRES_DIR";

    private static readonly TimeSpan KillInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _connectionString;
    private readonly string _applicationName;
    private readonly string? _clusterDirectory;
    private CancellationTokenSource _stop = new();
    private Task _killer = Task.CompletedTask;
    private int _killed;
    private int _killedInCommit;

    public PostgresFaults(string connectionString, string applicationName, string? clusterDirectory)
    {
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "yielddeps-load-faults" }.ToString();
        _applicationName = applicationName;
        _clusterDirectory = clusterDirectory;
    }

    /// <summary>Gets the app's sessions terminated.</summary>
    public int Killed => Volatile.Read(ref _killed);

    /// <summary>Gets the terminated sessions that were running <c>COMMIT</c> at the time.</summary>
    public int KilledInCommit => Volatile.Read(ref _killedInCommit);

    /// <summary>Gets how many times the server was restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Gets how long the last restart took, from the order to the server accepting connections again.</summary>
    public TimeSpan RestartDuration { get; private set; }

    /// <summary>Gets when the server accepted connections again after the last restart (a <see cref="Stopwatch"/> timestamp), or 0.</summary>
    public long BackAt { get; private set; }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _killer = Task.Run(KillAsync);
    }

    public async Task MidRoundAsync()
    {
        if (_clusterDirectory is not null && Restarts == 0)
        {
            await RestartAsync(_clusterDirectory);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _killer;
        _stop.Dispose();
    }

    /// <summary>Restarts the server of the cluster in <paramref name="clusterDirectory"/> (fast shutdown: every session is terminated).</summary>
    private async Task RestartAsync(string clusterDirectory)
    {
        var started = Stopwatch.GetTimestamp();
        using var restart = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, ".ci", "postgres"), "restart", clusterDirectory])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = restart.StandardError.ReadToEndAsync();
        await restart.StandardOutput.ReadToEndAsync();
        await restart.WaitForExitAsync();
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException($".ci/postgres restart failed ({restart.ExitCode}): {await errors}");
        }

        BackAt = Stopwatch.GetTimestamp();
        RestartDuration = Stopwatch.GetElapsedTime(started, BackAt);
        Restarts++;
    }

    private async Task KillAsync()
    {
        NpgsqlConnection? connection = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(KillInterval, _stop.Token);
                if (connection is null)
                {
                    connection = new NpgsqlConnection(_connectionString);
                    await connection.OpenAsync(_stop.Token);
                }

                // One statement picks and terminates, so the session is most likely still where it was seen.
                await using var command = new NpgsqlCommand(
                    """
                    SELECT pg_terminate_backend(pid), state = 'active' AND query = 'COMMIT'
                    FROM pg_stat_activity
                    WHERE application_name = @app AND pid <> pg_backend_pid()
                    ORDER BY state = 'active' AND query = 'COMMIT' DESC, random()
                    LIMIT 1
                    """, connection);
                command.Parameters.AddWithValue("app", _applicationName);
                await using var reader = await command.ExecuteReaderAsync(_stop.Token);
                if (await reader.ReadAsync(_stop.Token) && reader.GetBoolean(0))
                {
                    Interlocked.Increment(ref _killed);
                    if (reader.GetBoolean(1))
                    {
                        Interlocked.Increment(ref _killedInCommit);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // The server is restarting, or this connection broke with it: open another next time.
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
