namespace YieldDeps.Tests.HarnessTests;

/// <summary>A parameter type with no binding attribute, bound only by a converter.</summary>
public sealed class Widget(string name)
{
    public string Name { get; } = name;
}
