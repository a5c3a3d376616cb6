using System.Reflection;
using System.Runtime.CompilerServices;
using YieldDeps.Generated;

namespace YieldDeps.Engine;

/// <summary>Turns a registered delegate or class into a <see cref="DependencyDescriptor"/>, rejecting shapes that cannot work.</summary>
internal static class DescriptorFactory
{
    public static DependencyDescriptor FromDelegate(Delegate factory, Type? key, DependencyOptions options)
    {
        var method = factory.Method;
        var returnType = method.ReturnType;
        var fallbackName = IsLambda(method) ? null : method.DeclaringType is { } type ? $"{type.Name}.{method.Name}" : method.Name;

        DependencyStyle style;
        Type valueType;
        if (IsGeneric(returnType, typeof(IAsyncEnumerable<>)) && (method.IsDefined(typeof(AsyncIteratorStateMachineAttribute), false) || KeysTheElement(key, returnType)))
        {
            style = DependencyStyle.AsyncIterator;
            valueType = returnType.GetGenericArguments()[0];
        }
        else if (IsGeneric(returnType, typeof(IEnumerable<>)) && (method.IsDefined(typeof(IteratorStateMachineAttribute), false) || KeysTheElement(key, returnType)))
        {
            style = DependencyStyle.SyncIterator;
            valueType = returnType.GetGenericArguments()[0];
        }
        else if ((IsGeneric(returnType, typeof(IAsyncEnumerable<>)) || IsGeneric(returnType, typeof(IEnumerable<>))) && key != returnType)
        {
            // A sequence returned by a method that is not itself an iterator: meant as a yield dependency, or as a
            // plain value that happens to be a sequence? Make the user say which.
            throw new DependencyRegistrationException(
                $"Dependency '{fallbackName ?? "lambda"}' returns {TypeNames.Of(returnType)} but is not an iterator method: write it with " +
                $"'yield return' to make a yield dependency, or register it with Add<{TypeNames.Of(returnType)}>(...) to provide the sequence itself.");
        }
        else if (IsGeneric(returnType, typeof(Task<>)) || IsGeneric(returnType, typeof(ValueTask<>)))
        {
            style = DependencyStyle.Plain;
            valueType = returnType.GetGenericArguments()[0];
        }
        else if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            throw new DependencyRegistrationException(
                $"Dependency '{fallbackName ?? "lambda"}' returns {TypeNames.Of(returnType)}: a dependency must provide a value " +
                "(yield return one from an iterator, or return T, Task<T> or ValueTask<T>).");
        }
        else
        {
            style = DependencyStyle.Plain;
            valueType = returnType;
        }

        var name = options.Name ?? fallbackName ?? TypeNames.Of(key ?? valueType);
        var parameters = method.GetParameters();
        RejectByRef(name, parameters);
        key = CheckKey(name, key, valueType);

        var strategy = style switch
        {
            DependencyStyle.AsyncIterator => Strategy(typeof(AsyncIteratorStrategy<>), valueType),
            DependencyStyle.SyncIterator => Strategy(typeof(SyncIteratorStrategy<>), valueType),
            _ => Strategy(typeof(PlainStrategy<>), valueType),
        };

        return new DependencyDescriptor(key, valueType, name, style, parameters, method, factory.Target, strategy, options)
        {
            // Generated code calls static methods; a lambda or an instance method runs on the run-time engine.
            Generated = method.IsStatic && !IsLambda(method) ? GeneratedDependencySteps.Lookup(method, StepKind(style, returnType)) : null,
        };
    }

    public static DependencyDescriptor FromClass(Type dependencyClass, DependencyOptions options, Type? key = null)
    {
        var name = options.Name ?? dependencyClass.Name;
        var contracts = dependencyClass.GetInterfaces().Where(i => IsGeneric(i, typeof(IDependency<>))).ToArray();
        if (contracts.Length != 1)
        {
            throw new DependencyRegistrationException(
                $"Dependency class '{TypeNames.Of(dependencyClass)}' must implement IDependency<T> exactly once (it implements it {contracts.Length} times).");
        }

        if (dependencyClass.IsAbstract)
        {
            throw new DependencyRegistrationException($"Dependency class '{TypeNames.Of(dependencyClass)}' is abstract and cannot be created.");
        }

        var constructor = ConstructorSelector.Select(dependencyClass)
            ?? throw new DependencyRegistrationException($"Dependency class '{TypeNames.Of(dependencyClass)}' has no public constructor.");

        var valueType = contracts[0].GetGenericArguments()[0];
        var parameters = constructor.GetParameters();
        RejectByRef(name, parameters);
        key = CheckKey(name, key, valueType);

        return new DependencyDescriptor(
            key,
            valueType,
            name,
            DependencyStyle.Class,
            parameters,
            constructor,
            target: null,
            Strategy(typeof(ClassStrategy<>), valueType),
            options)
        {
            Generated = GeneratedDependencySteps.Lookup(constructor, DependencyStepKind.Class),
        };
    }

    private static DependencyStepKind StepKind(DependencyStyle style, Type returnType) => style switch
    {
        DependencyStyle.AsyncIterator => DependencyStepKind.AsyncIterator,
        DependencyStyle.SyncIterator => DependencyStepKind.SyncIterator,
        _ when IsGeneric(returnType, typeof(Task<>)) => DependencyStepKind.Task,
        _ when IsGeneric(returnType, typeof(ValueTask<>)) => DependencyStepKind.ValueTask,
        _ => DependencyStepKind.Value,
    };

    private static Type CheckKey(string name, Type? key, Type valueType)
    {
        if (key is null)
        {
            return valueType;
        }

        if (!key.IsAssignableFrom(valueType))
        {
            throw new DependencyRegistrationException(
                $"Dependency '{name}' provides {TypeNames.Of(valueType)}, which cannot be used as {TypeNames.Of(key)}.");
        }

        return key;
    }

    /// <summary>
    /// A delegate that is not itself an iterator but returns one (a lambda calling an iterator method, as overrides
    /// often are) is a yield dependency when it is keyed by the element type: the key says which was meant.
    /// </summary>
    private static bool KeysTheElement(Type? key, Type sequenceType) =>
        key is not null && key != sequenceType && key.IsAssignableFrom(sequenceType.GetGenericArguments()[0]);

    private static void RejectByRef(string name, ParameterInfo[] parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer)
            {
                throw new DependencyRegistrationException(
                    $"Dependency '{name}' has parameter '{parameter.Name}' passed by reference; dependency parameters must be passed by value.");
            }
        }
    }

    private static DependencyStrategy Strategy(Type open, Type valueType) =>
        (DependencyStrategy)Activator.CreateInstance(open.MakeGenericType(valueType))!;

    private static bool IsGeneric(Type type, Type open) => type.IsGenericType && type.GetGenericTypeDefinition() == open;

    // Lambdas compile to methods whose names the C# compiler mangles with angle brackets.
    private static bool IsLambda(MethodInfo method) => method.Name.Contains('<', StringComparison.Ordinal);
}
