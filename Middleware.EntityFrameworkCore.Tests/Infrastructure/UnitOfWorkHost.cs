using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YieldDeps.EntityFrameworkCore.Tests.Model;
using YieldDeps.Testing;

namespace YieldDeps.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>How a test host registers the context, as an app would.</summary>
public enum ContextRegistration
{
    /// <summary><c>services.AddDbContext</c>: the invocation scope's context.</summary>
    Scoped,

    /// <summary><c>services.AddDbContextFactory</c>: a context of the unit of work's own.</summary>
    Factory,

    /// <summary>Neither: startup must fail.</summary>
    None,
}

/// <summary>Builds in-process hosts running the real worker pipeline with the unit of work of <see cref="OrdersDb"/>.</summary>
public static class UnitOfWorkHost
{
    public static FunctionTestHost Create(
        TestDatabase? database,
        Probe probe,
        ContextRegistration registration = ContextRegistration.Scoped,
        Action<DbContextUnitOfWorkOptions>? configure = null,
        Func<InvocationOutcome, bool>? failWhen = null,
        bool retryOnFailure = false,
        bool watchOutcome = false,
        params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        FunctionTestHost.Create(
            worker => worker.UseYieldDependencies(deps =>
            {
                deps.FailWhen = failWhen;
                if (watchOutcome)
                {
                    deps.Add(OutcomeWatch.Watch).AddGlobal<OutcomeWatch>();
                }

                deps.AddDbContextUnitOfWork<OrdersDb>(configure);
            }),
            services =>
            {
                services.AddSingleton(probe);
                void Options(DbContextOptionsBuilder options)
                {
                    database!.Configure(options, retryOnFailure);
                    options.AddInterceptors(interceptors);
                }

                switch (registration)
                {
                    case ContextRegistration.Scoped:
                        services.AddDbContext<OrdersDb>(Options);
                        break;
                    case ContextRegistration.Factory:
                        services.AddDbContextFactory<OrdersDb>(Options);
                        break;
                }
            },
            httpModel: TestHttpModel.AspNetCore);

    public static Task<FunctionTestResult> PostAsync(this FunctionTestHost host, string function, string email, string extraQuery = "", CancellationToken cancellationToken = default) =>
        host.InvokeAsync(
            typeof(Functions.CustomerFunctions).GetMethod(function)!,
            TriggerInput.Http("POST", $"http://localhost/api/customers?email={Uri.EscapeDataString(email)}{extraQuery}"),
            cancellationToken);
}
