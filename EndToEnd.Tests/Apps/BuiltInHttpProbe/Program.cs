using Microsoft.Extensions.Hosting;

// The built-in HTTP model: requests arrive as HttpRequestData over gRPC.
var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .Build();

host.Run();
