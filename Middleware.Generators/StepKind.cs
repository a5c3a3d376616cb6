namespace YieldDeps.Generators;

/// <summary>The generated case's kind; the names match the library's <c>YieldDeps.Generated.DependencyStepKind</c>.</summary>
internal enum StepKind
{
    AsyncIterator,
    SyncIterator,
    Class,
    Value,
    Task,
    ValueTask,
    FunctionClass,
}
