using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using YieldDeps.Diagnostics;
using YieldDeps.Engine;

namespace YieldDeps.Testing;

/// <summary>
/// Runs one dependency alone, outside the worker: sets it (and its sub-dependencies) up with the services, values
/// and headers a test chooses, hands its value over, then finishes it the way the test says the function ended.
/// </summary>
/// <example>
/// <code>
/// await using var run = await DependencyRun.StartAsync&lt;DbSession&gt;(
///     deps =&gt; deps.Add(DatabaseSession.Open),
///     options =&gt; options.Services.AddSingleton(new SampleDatabase(connectionString)));
/// await run.Value.Command("INSERT ...").ExecuteNonQueryAsync();
/// var result = await run.FailAsync(new InvalidOperationException("the body failed"));   // rolls back
/// </code>
/// </example>
public static class DependencyRun
{
    /// <summary>Sets up the dependency that provides <typeparamref name="T"/>, with the registrations <paramref name="register"/> makes.</summary>
    /// <typeparam name="T">The type the dependency provides (its key).</typeparam>
    /// <param name="register">Registers the dependency, the sub-dependencies it needs, and any app-wide rule such as <c>FailWhen</c>.</param>
    /// <param name="configure">Gives the run services, simple values, headers and context values.</param>
    /// <param name="cancellationToken">The invocation's token as setup sees it; <see cref="DependencyRun{T}.CancelAsync"/> also fires it.</param>
    /// <returns>The started run; dispose it to finish an unfinished run as cancelled and release its services.</returns>
    /// <exception cref="DependencyRegistrationException">The registrations cannot work (the messages startup gives).</exception>
    /// <remarks>When setup fails, whatever was entered is torn down (seeing that exception) and the exception is thrown here.</remarks>
    public static async Task<DependencyRun<T>> StartAsync<T>(
        Action<DependencyRegistry> register,
        Action<DependencyRunOptions>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(register);
        var options = new DependencyRunOptions();
        configure?.Invoke(options);
        var registry = new DependencyRegistry();
        register(registry);

        // As in the worker, an IConfiguration of the app's settings is there unless the test registers its own.
        options.Services.TryAddSingleton<IConfiguration>(_ => AppConfiguration.Build(null));
        var root = options.Services.BuildServiceProvider();
        var scope = root.CreateAsyncScope();
        try
        {
            var host = new TestInvocationHost(options, scope.ServiceProvider);
            var catalog = new DependencyCatalog(registry, new DependencyOverrides(), host, root.GetService<IServiceProviderIsService>());
            var plan = new PlanBuilder(catalog).BuildFor(typeof(T), $"test of {TypeNames.Of(typeof(T))}");
            var events = new LoggingDependencyEvents(root.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
            var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var invocation = new DependencyInvocation(plan, host, events);
            try
            {
                await invocation.SetupAsync(token.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                var final = await invocation.TeardownAsync(ExceptionRules.Unwrap(e)).ConfigureAwait(false);
                token.Dispose();
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(final ?? e);
                throw;
            }

            invocation.TryGetValue(typeof(T), out var value);
            return new DependencyRun<T>((T)value!, invocation, token, scope, root);
        }
        catch
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            await root.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
