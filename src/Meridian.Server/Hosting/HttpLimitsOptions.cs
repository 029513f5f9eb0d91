using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meridian.Server.Hosting;

/// <summary>The "Http" configuration section: how many connections Kestrel holds and how long an idle or slow one
/// may keep its place. Kestrel's own defaults (no connection limit, 130 s keep-alive, 30 s for headers) let idle
/// connections pile up until the process runs out of descriptors.</summary>
public sealed class HttpLimitsOptions
{
    public const string Section = "Http";

    /// <summary>Concurrent HTTP connections (Kestrel's MaxConcurrentConnections); one more is accepted and closed at once.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Connections upgraded to another protocol (WebSockets), which Kestrel counts apart from
    /// <see cref="MaxConnections"/>. Nothing in Meridian upgrades a connection, so none are allowed by default.</summary>
    public int MaxUpgradedConnections { get; set; }

    /// <summary>How long a connection may wait for its next request. Longer than the 60 s idle timeout load balancers
    /// commonly keep towards their backends (a backend that closes first can fail the balancer's next request on that
    /// connection), shorter than Kestrel's 130 s.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>How long a client may take to send a request's headers (Kestrel: 30 s); API clients send them at once.</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxConnections < 1) problems.Add("Http:MaxConnections must be at least 1");
        if (MaxUpgradedConnections < 0) problems.Add("Http:MaxUpgradedConnections must be 0 or more");
        if (KeepAliveTimeout <= TimeSpan.Zero) problems.Add("Http:KeepAliveTimeout must be positive");
        if (RequestHeadersTimeout <= TimeSpan.Zero) problems.Add("Http:RequestHeadersTimeout must be positive");
        return problems;
    }

    public void ApplyTo(KestrelServerLimits limits)
    {
        limits.MaxConcurrentConnections = MaxConnections;
        limits.MaxConcurrentUpgradedConnections = MaxUpgradedConnections;
        limits.KeepAliveTimeout = KeepAliveTimeout;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
    }
}
