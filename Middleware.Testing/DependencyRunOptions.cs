using Microsoft.Extensions.DependencyInjection;

namespace YieldDeps.Testing;

/// <summary>What a <see cref="DependencyRun{T}"/> gives the dependency: services, simple values, headers and context values.</summary>
public sealed class DependencyRunOptions
{
    internal Dictionary<Type, object?> ContextValues { get; } = [];

    /// <summary>
    /// Gets the services the dependency's service parameters are resolved from (a scope of them per run). Unless the
    /// test registers its own, an <c>IConfiguration</c> holds the app's settings as the worker would read them
    /// (appsettings.json and local.settings.json of the test's output folder, then the environment variables).
    /// </summary>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <summary>Gets the simple values bound by name, as the trigger's route, query or metadata would give them.</summary>
    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the request headers that <see cref="HeaderAttribute"/> parameters read.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Hands <paramref name="value"/> to parameters of type <typeparamref name="TContext"/> that the host would fill
    /// from the invocation, such as the <c>FunctionContext</c> or the HTTP request.
    /// </summary>
    /// <typeparam name="TContext">The parameter type.</typeparam>
    /// <param name="value">The value to hand over.</param>
    /// <returns>These options, for chaining.</returns>
    public DependencyRunOptions Provide<TContext>(TContext value)
    {
        ContextValues[typeof(TContext)] = value;
        return this;
    }
}
