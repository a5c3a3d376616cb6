using System.ComponentModel;
using YieldDeps.Engine;

namespace YieldDeps.Generated;

/// <summary>
/// The arguments of one factory or constructor call in an invocation, as the plan resolves them (another dependency,
/// a service, a bound value, a header...): generated code reads each one typed, by position, and calls the factory
/// directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DependencyArguments
{
    private readonly DependencyInvocation _invocation;
    private readonly PlanNode? _node;
    private readonly ConstructorPlan? _constructor;

    // The values already resolved (some had to be awaited); null to resolve each one when it is read.
    private readonly object?[]? _resolved;

    internal DependencyArguments(DependencyInvocation invocation, PlanNode node, object?[]? resolved)
    {
        _invocation = invocation;
        _node = node;
        _resolved = resolved;
    }

    internal DependencyArguments(DependencyInvocation invocation, ConstructorPlan constructor)
    {
        _invocation = invocation;
        _constructor = constructor;
    }

    /// <summary>Gets the invocation's cancellation token.</summary>
    public CancellationToken CancellationToken => _invocation.CancellationToken;

    /// <summary>Gets the dependency's name, for the messages of the enter step.</summary>
    internal string Name => _node?.Descriptor.Name ?? string.Empty;

    /// <summary>Gets the argument at <paramref name="index"/>, resolved as the plan says.</summary>
    /// <typeparam name="T">The parameter's type.</typeparam>
    /// <param name="index">The parameter's position.</param>
    /// <returns>The argument.</returns>
    public T Get<T>(int index)
    {
        if (_resolved is { } resolved)
        {
            return (T)resolved[index]!;
        }

        if (_node is { } node)
        {
            var source = node.Arguments[index];
            return (T)(source.Kind == ArgumentKind.Dependency ? _invocation.Stack[source.Slot].Value : SetupRunner.ResolveNow(_invocation, source, node.Descriptor.Display))!;
        }

        var argument = _constructor!.Arguments[index];
        return (T)(argument.Kind == ArgumentKind.Dependency
            ? _invocation.Stack[argument.Slot].Value
            : SetupRunner.ResolveService(_invocation, argument, $"the constructor of {TypeNames.Of(_constructor.Type)}"))!;
    }
}
