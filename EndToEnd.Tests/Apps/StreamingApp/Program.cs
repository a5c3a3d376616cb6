using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeShared;
using StreamingApp;
using YieldDeps;

// ASP.NET Core integration: a request-scoped session stays open while the response streams rows read from it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton(new ExportDatabase(
    builder.Configuration["ExportDb"] ?? throw new InvalidOperationException("Set ExportDb to a SQLite connection string.")));
builder.Services.AddSingleton<ExportGates>();
builder.Services.AddSingleton<ProbeEvents>();
builder.UseYieldDependencies(deps =>
{
    deps.Add(ExportSession.Open, o => o.Scope = DependencyScope.Request);
    deps.Add(RequestStamp.Enter);
    deps.Add(ItemReader.Open);
});

var host = builder.Build();
await host.Services.GetRequiredService<ExportDatabase>().EnsureCreatedAsync();
await host.RunAsync();

/// <summary>The entry point, public so that a test project can name it: <c>FunctionsApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
