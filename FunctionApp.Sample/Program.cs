using FunctionApp.Sample;
using FunctionApp.Sample.Data;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using YieldDeps;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSampleServices(builder.Configuration);
builder.Services.AddSampleTelemetry(builder.Configuration);
builder.UseYieldDependencies(SampleApp.RegisterDependencies);

var host = builder.Build();
await host.Services.GetRequiredService<SampleDatabase>().EnsureCreatedAsync();
await host.RunAsync();

/// <summary>The app's entry point, public so that its tests can name it: <c>FunctionsApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
