using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProbeShared;

// The built-in HTTP model: requests arrive as HttpRequestData over gRPC.
var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .ConfigureServices(services => services.AddSingleton<ProbeEvents>())
    .Build();

host.Run();

/// <summary>The entry point, public so that a test project can name it: <c>FunctionsApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
