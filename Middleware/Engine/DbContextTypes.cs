using System.Collections.Concurrent;
using System.Linq.Expressions;

namespace YieldDeps.Engine;

/// <summary>
/// What YieldDeps knows of EF Core's <c>DbContext</c> without referencing EF Core: a context type is told by its base
/// types' full names, and whether a context has unsaved changes is read through <c>ChangeTracker.HasChanges()</c>,
/// compiled once per context type. A context that reaches a function without a unit of work saves nothing on its own.
/// </summary>
internal static class DbContextTypes
{
    private const string DbContextName = "Microsoft.EntityFrameworkCore.DbContext";

    private static readonly ConcurrentDictionary<Type, Func<object, bool>?> Probes = new();

    /// <summary>True when <paramref name="type"/> is EF Core's <c>DbContext</c> or derives from it.</summary>
    public static bool IsDbContext(Type type) => BaseContext(type) is not null;

    /// <summary>
    /// Gets a delegate that says whether a context of type <paramref name="type"/> has changes not yet saved; null when
    /// the type is no context or its change tracker does not have the expected shape.
    /// </summary>
    public static Func<object, bool>? UnsavedChangesProbe(Type type) => Probes.GetOrAdd(type, Compile);

    /// <summary>The lines that would make a context reach a function properly, for messages.</summary>
    public static string Fix(Type type) =>
        $"Add deps.AddDbContextUnitOfWork<{TypeNames.Of(type)}>(); to the app's registrations (package YieldDeps.EntityFrameworkCore, " +
        $"using YieldDeps.EntityFrameworkCore;), or deps.AllowDbContextWithoutUnitOfWork<{TypeNames.Of(type)}>(); if it only reads.";

    private static Type? BaseContext(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.FullName == DbContextName)
            {
                return current;
            }
        }

        return null;
    }

    private static Func<object, bool>? Compile(Type type)
    {
        if (BaseContext(type) is not { } context
            || context.GetProperty("ChangeTracker", Type.EmptyTypes) is not { } changeTracker
            || changeTracker.PropertyType.GetMethod("HasChanges", Type.EmptyTypes) is not { } hasChanges
            || hasChanges.ReturnType != typeof(bool))
        {
            return null;
        }

        var instance = Expression.Parameter(typeof(object), "context");
        var body = Expression.Call(Expression.Property(Expression.Convert(instance, context), changeTracker), hasChanges);
        return Expression.Lambda<Func<object, bool>>(body, instance).Compile();
    }
}
