using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeShared;

// The ASP.NET Core integration: the worker runs its own Kestrel and the host forwards requests to it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSingleton<ProbeEvents>();
builder.Build().Run();

/// <summary>The entry point, public so that a test project can name it: <c>FunctionsApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
