using Meridian.Dns.Server.Hosting;

namespace Meridian.Dns.Server.Tests.Hosting;

/// <summary>The TCP budgets among the "Dns" options checked on start.</summary>
public sealed class DnsServerOptionsTests
{
    [Fact]
    public void Defaults_give_each_source_50_of_1000_connections()
    {
        var options = new DnsServerOptions();
        Assert.Empty(options.Validate());
        Assert.Equal((1000, 50), (options.MaxTcpConnections, options.MaxTcpConnectionsPerSource));
    }

    [Fact]
    public void TCP_budgets_below_one_are_refused_naming_their_keys()
    {
        var options = new DnsServerOptions { MaxTcpConnections = 0, MaxTcpConnectionsPerSource = 0 };
        Assert.Equal(["Dns:MaxTcpConnections must be at least 1", "Dns:MaxTcpConnectionsPerSource must be at least 1"], options.Validate());
    }

    [Fact]
    public void A_per_source_budget_above_the_total_is_valid_and_means_no_per_source_limit()
    {
        Assert.Empty(new DnsServerOptions { MaxTcpConnections = 3, MaxTcpConnectionsPerSource = 50 }.Validate());
    }
}
