namespace YieldDeps.Generated;

/// <summary>Where the generated code of one registration or function class is: the assembly's steps and the case.</summary>
internal sealed class GeneratedStep(GeneratedDependencySteps steps, int id)
{
    public GeneratedDependencySteps Steps { get; } = steps;

    public int Id { get; } = id;
}
