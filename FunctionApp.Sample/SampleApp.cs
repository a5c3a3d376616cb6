using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using FunctionApp.Sample.Shipping;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps;

namespace FunctionApp.Sample;

/// <summary>The app's services and dependencies, in one place so that Program and the tests register the same.</summary>
public static class SampleApp
{
    /// <summary>The dependencies functions ask for by type.</summary>
    public static void RegisterDependencies(DependencyRegistry deps)
    {
        deps.Add(DatabaseSession.Open);
        deps.Add(DatabaseSession.OpenForReading);
        #region request-scope-registration
        deps.Add(StreamingSession.OpenConnection, o => o.Scope = DependencyScope.Request);
        deps.Add(StreamingSession.BeginTransaction);
        #endregion
        deps.Add(ApiKeyCheck.Require);
        deps.Add(OrderBody.Read);
        deps.Add(PingChain.First);
        deps.Add(PingChain.Second);
        deps.Add(PingChain.Third);
    }

    /// <summary>The services: the database, the API key, the clock and the shipping notifier.</summary>
    public static IServiceCollection AddSampleServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new SampleDatabase(
            configuration["SampleDb"] is { Length: > 0 } connectionString ? connectionString : "Data Source=orders.db"));
        services.AddSingleton(new ApiKeySettings(
            configuration["SampleApiKey"] is { Length: > 0 } key
                ? key
                : throw new InvalidOperationException("The SampleApiKey setting is missing: copy local.settings.json.example to local.settings.json.")));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IShippingNotifier, LoggingShippingNotifier>();
        return services;
    }
}
