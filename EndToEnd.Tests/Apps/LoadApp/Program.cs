using LoadApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

// ASP.NET Core integration: one yield-dependency transaction per invocation, on SQLite or PostgreSQL depending on
// the LoadDb connection string.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(new LoadDatabase(
    Environment.GetEnvironmentVariable("LoadDb") ?? throw new InvalidOperationException("Set LoadDb to a SQLite or PostgreSQL connection string.")));
builder.Services.AddSingleton<LoadCounters>();
builder.Services.AddSingleton<LoadJournal>();
builder.UseYieldDependencies(deps => deps.Add(LoadSession.Open));

var host = builder.Build();
await host.Services.GetRequiredService<LoadDatabase>().EnsureCreatedAsync();
await host.RunAsync();
