using FunctionApp.Sample.Data;
using FunctionApp.Sample.Dependencies;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddSingleton(new SampleDatabase(
    builder.Configuration["SampleDb"] is { Length: > 0 } connectionString ? connectionString : "Data Source=orders.db"));
builder.Services.AddSingleton(new ApiKeySettings(
    builder.Configuration["SampleApiKey"] is { Length: > 0 } key
        ? key
        : throw new InvalidOperationException("The SampleApiKey setting is missing: copy local.settings.json.example to local.settings.json.")));

builder.UseYieldDependencies(deps =>
{
    deps.Add(DatabaseSession.Open);
    deps.Add(ApiKeyCheck.Require);
    deps.Add(PingChain.First);
    deps.Add(PingChain.Second);
    deps.Add(PingChain.Third);
});

var host = builder.Build();
await host.Services.GetRequiredService<SampleDatabase>().EnsureCreatedAsync();
await host.RunAsync();
