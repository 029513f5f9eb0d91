using Meridian.Server.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meridian.Server.Tests.Hosting;

/// <summary>The "Http" section: validated on start, applied to Kestrel's limits.</summary>
public sealed class HttpLimitsOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_bound_every_connection_and_idle_time()
    {
        var options = new HttpLimitsOptions();
        Assert.Empty(options.Validate());
        var limits = new KestrelServerOptions().Limits;
        options.ApplyTo(limits);
        Assert.Equal(1000, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(TimeSpan.FromSeconds(75), limits.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);
    }

    [Fact]
    public void Bad_values_are_refused_naming_their_keys()
    {
        var options = new HttpLimitsOptions
        {
            MaxConnections = 0, MaxUpgradedConnections = -1, KeepAliveTimeout = TimeSpan.Zero, RequestHeadersTimeout = TimeSpan.FromSeconds(-1),
        };
        Assert.Equal(
            ["Http:MaxConnections must be at least 1", "Http:MaxUpgradedConnections must be 0 or more", "Http:KeepAliveTimeout must be positive",
             "Http:RequestHeadersTimeout must be positive"],
            options.Validate());
    }
}
