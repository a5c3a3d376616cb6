using System.Collections.Concurrent;
using System.Diagnostics;

namespace YieldDeps.Testing;

/// <summary>
/// Records which code ran each function's dependencies while it is alive: <c>generated</c>, the code the YieldDeps
/// source generator wrote into the app, or <c>runtime</c>, the run-time engine. It listens to the YieldDeps spans of
/// the process (their <c>yielddeps.plan</c> tag), so it sees the functions of an app the test runs in-process, through
/// <see cref="FunctionsApplicationFactory{TEntryPoint}"/> for example. A test can so make sure a function did not fall
/// back to the engine, say after a registration was changed to a lambda.
/// </summary>
/// <example>
/// <code>
/// using var paths = FunctionPaths.Record();
/// await client.PostAsync("/api/notes", new StringContent("hello"));
/// Assert.Equal(["generated"], paths.Of("AddNote"));
/// </code>
/// </example>
public sealed class FunctionPaths : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _paths = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    private FunctionPaths()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == YieldDepsTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts recording; dispose the recorder to stop.</summary>
    /// <returns>The recorder.</returns>
    public static FunctionPaths Record() => new();

    /// <summary>Gets the paths the dependencies of <paramref name="function"/> ran on since recording started, in order of name.</summary>
    /// <param name="function">The function's name, as in its <c>[Function]</c> attribute.</param>
    /// <returns><c>generated</c>, <c>runtime</c>, both, or none when the function set up no dependency.</returns>
    public IReadOnlyList<string> Of(string function) =>
        _paths.TryGetValue(function, out var paths) ? [.. paths.Keys.Order(StringComparer.Ordinal)] : [];

    /// <summary>Stops recording.</summary>
    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.GetTagItem("faas.name") is string function && activity.GetTagItem("yielddeps.plan") is string path)
        {
            _paths.GetOrAdd(function, _ => new(StringComparer.Ordinal))[path] = true;
        }
    }
}
