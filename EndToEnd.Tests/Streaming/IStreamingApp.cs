using YieldDeps.EndToEnd.Tests.Contract;

namespace YieldDeps.EndToEnd.Tests.Streaming;

/// <summary>Apps/StreamingApp running, with its SQLite database open to the tests.</summary>
public interface IStreamingApp : IRunningApp
{
    /// <summary>Gets the app's database, read directly: the exports that committed, and whether a transaction is still open.</summary>
    ExportsDatabase Database { get; }
}
