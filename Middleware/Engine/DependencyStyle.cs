namespace YieldDeps.Engine;

/// <summary>How a dependency is written, which decides how it is entered and torn down.</summary>
internal enum DependencyStyle
{
    AsyncIterator,
    SyncIterator,
    Class,
    Plain,
}
