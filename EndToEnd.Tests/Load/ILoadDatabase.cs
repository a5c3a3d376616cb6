namespace YieldDeps.EndToEnd.Tests.Load;

/// <summary>The load test's view of the app's database, read directly, beside the app.</summary>
public interface ILoadDatabase : IAsyncDisposable
{
    /// <summary>Gets the name printed in the <c>load:</c> line.</summary>
    string Name { get; }

    /// <summary>Gets the connection string the app is given.</summary>
    string AppConnectionString { get; }

    /// <summary>Starts from an empty database.</summary>
    Task ResetAsync();

    /// <summary>Gets the ids of the rows whose id starts with <paramref name="prefix"/>.</summary>
    Task<IReadOnlySet<string>> RowIdsAsync(string prefix);

    /// <summary>Counts the connections or transactions the app left open (zero when nothing is).</summary>
    /// <param name="app">A client of the app, to ask it to close the idle connections of its pool.</param>
    Task<int> LeakedAsync(HttpClient app);
}
