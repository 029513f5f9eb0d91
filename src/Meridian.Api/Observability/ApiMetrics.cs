using System.Diagnostics;
using System.Diagnostics.Metrics;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Observability;

/// <summary>The API surfaces' instruments (meter <c>Meridian.Api</c>): refusals an operator watches for. Requests by
/// route and status are ASP.NET Core's own <c>http.server.request.duration</c>, tagged with the surface by
/// <see cref="SurfaceMetricsTags"/>.</summary>
public static class ApiMetrics
{
    public const string MeterName = "Meridian.Api";

    private static readonly Meter s_meter = new(MeterName);

    private static readonly Counter<long> s_authFailures = s_meter.CreateCounter<long>("meridian.api.auth_failures", unit: "{request}",
        description: "requests refused by authentication (401) or authorization (403), by surface, status and reason");

    private static readonly Counter<long> s_rateLimited = s_meter.CreateCounter<long>("meridian.api.rate_limited", unit: "{request}",
        description: "requests refused with 429 by the per-caller rate limits, by surface and the window that refused them");

    /// <param name="reason">missing, invalid (401), forbidden or suspended (403).</param>
    public static void CountAuthFailure(HttpContext context, int status, string reason) =>
        s_authFailures.Add(1, new TagList { { "surface", SurfaceOf(context) }, { "status", status }, { "reason", reason } });

    public static void CountRateLimited(HttpContext context, string window) =>
        s_rateLimited.Add(1, new TagList { { "surface", SurfaceOf(context) }, { "window", window } });

    /// <summary>The surface's name, or "none" for paths outside every surface.</summary>
    public static string SurfaceOf(HttpContext context) => SurfaceErrors.For(context)?.Name ?? "none";
}
