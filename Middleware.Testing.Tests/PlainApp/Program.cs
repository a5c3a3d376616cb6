using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PlainApp;

/// <summary>The classic entry point: a HostBuilder with the worker's defaults, its arguments not passed on. Not static, so that tests can name it as a type argument.</summary>
public sealed class Program
{
    public static async Task Main()
    {
        var host = new HostBuilder()
            .ConfigureFunctionsWorkerDefaults()
            .ConfigureServices((context, services) =>
            {
                services.AddSingleton<IGreeter>(new Greeter(context.Configuration["Greeting"] ?? "Hello"));
                if (context.Configuration["RequiredSetting"] is null)
                {
                    throw new InvalidOperationException("The RequiredSetting setting is missing.");
                }
            })
            .Build();
        await host.RunAsync();
    }
}
