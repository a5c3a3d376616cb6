using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using YieldDeps;

namespace FunctionApp.Sample;

/// <summary>
/// OpenTelemetry for the sample, only when asked: to the console with the setting <c>SampleTelemetry=console</c>,
/// and over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set (both may be on). Without
/// either, nothing is set up and the host keeps emitting the worker's telemetry as usual.
/// </summary>
public static class SampleTelemetry
{
    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var console = string.Equals(configuration["SampleTelemetry"], "console", StringComparison.OrdinalIgnoreCase);
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!console && !otlp)
        {
            return services;
        }

        #region readme-telemetry
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()   // the worker's invocation spans, which YieldDeps' spans nest under
            .WithTracing(tracing => tracing.AddSource(YieldDepsTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(YieldDepsTelemetry.SourceName));
        #endregion

        if (otlp)
        {
            telemetry.UseOtlpExporter();    // reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS
        }

        if (console)
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }

        return services;
    }
}
