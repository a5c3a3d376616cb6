using ColdStart.Apps;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace ScopedApp;

/// <summary>The three resources as scoped services of the invocation, and the middleware that finishes them.</summary>
public static class UnitOfWork
{
    public static IServiceCollection AddUnitOfWork(this IServiceCollection services) => services
        .AddScoped(_ => Connection.Open())
        .AddScoped(provider => new Transaction(provider.GetRequiredService<Connection>()))
        .AddScoped(provider => new RequestInfo(provider.GetRequiredService<Transaction>()));
}

/// <summary>
/// The hand-written unit of work: after the function succeeded it finishes the request, commits the transaction and
/// the connection, then disposes them in reverse order, whether the function succeeded or not (the invocation scope
/// would dispose them too; disposing twice is harmless).
/// </summary>
public sealed class UnitOfWorkMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var services = context.InstanceServices;
        try
        {
            await next(context);
            services.GetRequiredService<RequestInfo>().Finish();
            await services.GetRequiredService<Transaction>().CommitAsync();
            services.GetRequiredService<Connection>().Commit();
        }
        finally
        {
            await services.GetRequiredService<Transaction>().DisposeAsync();
            await services.GetRequiredService<Connection>().DisposeAsync();
        }
    }
}
