using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Health;

/// <summary><c>/healthz</c> is liveness: the process and its DNS listeners (a restart is the cure when it fails).
/// <c>/readyz</c> is readiness, what a load balancer asks: the DNS listeners and the database; it is 503 while the
/// server is starting or the database cannot be reached, and names the failing check. DNS keeps answering from
/// memory either way.</summary>
internal static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddMeridianHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DnsListenersHealthCheck>("dns", tags: [Live, Ready])
            // A database that does not answer within this is as good as down for a request.
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        services.AddSingleton<DatabaseHealthCheck>();
        return services;
    }

    /// <param name="liveOnly">Only <c>/healthz</c> (edge nodes: they answer from memory whatever the database does).</param>
    public static IEndpointRouteBuilder MapMeridianHealthChecks(this IEndpointRouteBuilder routes, bool liveOnly = false)
    {
        routes.MapHealthChecks("/healthz", Options(Live)).WithName("Health");
        if (liveOnly) return routes;
        routes.MapHealthChecks("/readyz", Options(Ready)).WithName("Ready");
        return routes;
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    /// <summary><c>{"status":"unhealthy","checks":{"dns":{"status":"healthy","description":"…"},"database":{…}}}</c>.</summary>
    private static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", Name(report.Status));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", Name(entry.Status));
            json.WriteString("description", entry.Description);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
