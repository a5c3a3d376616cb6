using YieldDeps.EndToEnd.Tests.Contract;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>Apps/StreamingApp running, with its SQLite database open to the tests.</summary>
public interface IStreamingApp : IRunningApp
{
    /// <summary>Counts the exports of <paramref name="tag"/> that committed.</summary>
    long CommittedExports(string tag);

    /// <summary>Whether no transaction of the app is still open on the database.</summary>
    bool WriteLockIsFree();
}
