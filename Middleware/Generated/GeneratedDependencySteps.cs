using System.ComponentModel;
using System.Reflection;

namespace YieldDeps.Generated;

/// <summary>
/// The index of the code the YieldDeps source generator writes into an app: a <see cref="GeneratedStep"/> per
/// dependency factory, dependency class and function class it saw registered or declared, each calling the factory or
/// constructor directly with its arguments typed, and entering and exiting the dependency through
/// <see cref="DependencySteps"/>. The generated index registers itself when the app's assembly loads; a registration
/// whose factory has a step runs on it, and a function whose dependencies all have one runs on generated code. Not
/// meant to be derived from by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GeneratedDependencySteps
{
    private static readonly object Gate = new();
    private static GeneratedDependencySteps[] s_registered = [];

    /// <summary>Initializes a new instance of the <see cref="GeneratedDependencySteps"/> class; for generated code.</summary>
    protected GeneratedDependencySteps()
    {
    }

    /// <summary>Registers an assembly's generated steps; called by the generated module initializer.</summary>
    /// <param name="steps">The steps.</param>
    public static void Register(GeneratedDependencySteps steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        lock (Gate)
        {
            s_registered = [.. s_registered, steps];
        }
    }

    /// <summary>Finds the generated step of a factory method or constructor.</summary>
    /// <param name="declaringType">The type that declares it.</param>
    /// <param name="member">The method's name, or <c>.ctor</c> for a constructor.</param>
    /// <param name="parameterCount">How many parameters it has.</param>
    /// <param name="kind">How its result is entered, as the registration decided.</param>
    /// <returns>The step; null when there is none.</returns>
    public abstract GeneratedStep? Find(Type declaringType, string member, int parameterCount, DependencyStepKind kind);

    /// <summary>Finds generated code for a method or constructor among every registered assembly's; null when none has it.</summary>
    internal static GeneratedStep? Lookup(MethodBase member, DependencyStepKind kind)
    {
        var registered = Volatile.Read(ref s_registered);
        if (registered.Length == 0 || member.DeclaringType is not { } type || member.ContainsGenericParameters)
        {
            return null;
        }

        var name = member is ConstructorInfo ? ".ctor" : member.Name;
        var count = member.GetParameters().Length;
        foreach (var steps in registered)
        {
            if (steps.Find(type, name, count, kind) is { } step)
            {
                return step;
            }
        }

        return null;
    }
}
