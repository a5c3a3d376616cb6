using System.Linq.Expressions;
using System.Reflection;

namespace YieldDeps.Engine;

/// <summary>
/// Compiles a method or constructor call taking an argument array, once per registration, so that an invocation
/// pays a delegate call instead of reflection.
/// </summary>
internal static class CompiledFactory
{
    public static Func<object?[], object?> ForMethod(MethodInfo method, object? target)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        var arguments = Arguments(method.GetParameters(), args);
        Expression? instance = method.IsStatic ? null : Expression.Constant(target, method.DeclaringType!);
        Expression call = Expression.Call(instance, method, arguments);
        call = method.ReturnType.IsValueType ? Expression.Convert(call, typeof(object)) : call;
        return Expression.Lambda<Func<object?[], object?>>(call, args).Compile();
    }

    /// <summary>
    /// Compiles a call of a method or constructor with exactly one parameter that takes that argument directly, so
    /// that the common dependency on one other needs no argument array; null for any other arity.
    /// </summary>
    public static Func<object?, object?>? WithOneArgument(MethodBase member, object? target)
    {
        var parameters = member.GetParameters();
        if (parameters.Length != 1)
        {
            return null;
        }

        var arg = Expression.Parameter(typeof(object), "arg");
        var argument = Expression.Convert(arg, parameters[0].ParameterType);
        Expression body;
        Type result;
        if (member is ConstructorInfo constructor)
        {
            body = Expression.New(constructor, argument);
            result = constructor.DeclaringType!;
        }
        else
        {
            var method = (MethodInfo)member;
            body = Expression.Call(method.IsStatic ? null : Expression.Constant(target, method.DeclaringType!), method, argument);
            result = method.ReturnType;
        }

        body = result.IsValueType ? Expression.Convert(body, typeof(object)) : body;
        return Expression.Lambda<Func<object?, object?>>(body, arg).Compile();
    }

    public static Func<object?[], object?> ForConstructor(ConstructorInfo constructor)
    {
        var args = Expression.Parameter(typeof(object?[]), "args");
        Expression create = Expression.New(constructor, Arguments(constructor.GetParameters(), args));
        create = constructor.DeclaringType!.IsValueType ? Expression.Convert(create, typeof(object)) : create;
        return Expression.Lambda<Func<object?[], object?>>(create, args).Compile();
    }

    private static Expression[] Arguments(ParameterInfo[] parameters, ParameterExpression args)
    {
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        return arguments;
    }
}
