using BenchmarkApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using YieldDeps;

// The end-to-end benchmark app: the ASP.NET Core integration, and a chain of three async-iterator dependencies for
// /api/ping-deps. Logging stays at Warning, so neither endpoint pays for per-request log lines.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<Invocations>();
builder.UseYieldDependencies(deps => deps.Add(Chain.OpenA).Add(Chain.OpenB).Add(Chain.OpenC));
builder.Build().Run();
