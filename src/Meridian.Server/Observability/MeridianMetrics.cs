using System.ComponentModel.DataAnnotations;
using Meridian.Api.Observability;
using Meridian.Server.Configuration;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Meridian.Server.Observability;

/// <summary><c>/metrics</c> in Prometheus' text format, through OpenTelemetry's metrics SDK and its Prometheus exporter:
/// the DNS listeners' counters and latency (meter <c>Meridian.Dns.Server</c>), zones and records served, API requests
/// by surface, route and status (ASP.NET Core's own), authentication failures and rate-limit refusals
/// (<c>Meridian.Api</c>), the HTTP accept loop (<c>Meridian.Server</c>), and whatever other Meridian parts publish
/// (<c>Meridian.Following</c>: a following node's journal lag).</summary>
internal static class MeridianMetrics
{
    /// <summary>Meters exported; one that no code creates is simply empty.</summary>
    public static readonly string[] Meters =
    [
        "Meridian.Dns.Server", "Meridian.Server", ApiMetrics.MeterName, "Meridian.Following",
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static IServiceCollection AddMeridianMetrics(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>>(new SectionValidator<MetricsOptions>(MetricsOptions.Section));
        services.AddTransient<IStartupFilter, SurfaceMetricsTags>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddPrometheusExporter(exporter =>
            // The exporter would answer every scrape within 300 ms of the last with that scrape's text: counters that
            // did not move although traffic came. Rendering is cheap, and Prometheus scrapes seconds apart.
            exporter.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Serves <c>Metrics:Path</c> (default <c>/metrics</c>) unless <c>Metrics:Enabled=false</c>.</summary>
    public static WebApplication MapMeridianMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (options.Enabled) app.MapPrometheusScrapingEndpoint(options.Path);
        return app;
    }
}

/// <summary>The "Metrics" configuration section.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve the Prometheus endpoint on the HTTP port (without authentication: restrict it at the proxy).</summary>
    public bool Enabled { get; set; } = true;

    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "allowed: a path starting with /, e.g. /metrics")]
    public string Path { get; set; } = "/metrics";
}
