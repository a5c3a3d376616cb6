namespace YieldDeps;

/// <summary>
/// Marks a parameter that wants its own instance of a dependency, with its own setup and teardown,
/// instead of the one shared by the invocation.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FreshAttribute : Attribute
{
}
