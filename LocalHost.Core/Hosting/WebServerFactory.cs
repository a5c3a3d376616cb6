using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace YieldDeps.LocalHost.Hosting;

/// <summary>Creates the two loopback-only Kestrel servers: gRPC for the worker, HTTP for clients.</summary>
internal static class WebServerFactory
{
    /// <summary>The Functions host accepts request bodies up to 100 MB.</summary>
    private const long MaxRequestBodySize = 100L * 1024 * 1024;

    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder CreateBuilder(int port, HttpProtocols protocols)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Kestrel warns when ASPNETCORE_URLS is set but overridden by explicit endpoints; that is intended here.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        // A failed start is reported by LocalHost itself, in one line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = protocols);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
            kestrel.AddServerHeader = false;
        });
        return builder;
    }

    /// <summary>Fails fast, before the app is built and the worker started, when the HTTP port is taken.</summary>
    public static void EnsurePortIsFree(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
            probe.Start();
        }
        catch (System.Net.Sockets.SocketException exception)
        {
            throw new StartupException($"Cannot listen on 127.0.0.1:{port}: {exception.Message}. Pass another --port.");
        }
    }

    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }
}
