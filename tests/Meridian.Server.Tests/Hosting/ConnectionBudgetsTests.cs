using Meridian.Dns.Server.Hosting;
using Meridian.Server.Hosting;

namespace Meridian.Server.Tests.Hosting;

/// <summary>The descriptor arithmetic <c>meridian serve</c> checks before it starts.</summary>
public sealed class ConnectionBudgetsTests
{
    private static readonly DnsServerOptions s_twoAddresses = new() { Listen = ["127.0.0.1:5300", "[::1]:5300"], UdpWorkers = 2, MaxTcpConnections = 300 };

    [Fact]
    public void Budgets_add_HTTP_DNS_TCP_per_address_sockets_and_the_reserve()
    {
        var budgets = ConnectionBudgets.Of(new HttpLimitsOptions { MaxConnections = 400, MaxUpgradedConnections = 10 }, s_twoAddresses, new ServeOptions(), 4096);

        // 400 + 10 HTTP, 2 x 300 DNS TCP, 1 + 2 listening, 2 x 2 UDP, no database pool on SQLite.
        Assert.Equal(400 + 10 + 600 + 3 + 4 + 0 + ConnectionBudgets.Reserve, budgets.Required);
        Assert.Empty(budgets.Validate());
    }

    [Fact]
    public void PostgreSQL_pools_count_twice_their_max_pool_size()
    {
        var serve = new ServeOptions { Database = "Host=db;Username=meridian;Maximum Pool Size=40" };
        var budgets = ConnectionBudgets.Of(new HttpLimitsOptions(), s_twoAddresses, serve, null);
        Assert.Equal(80, budgets.DatabaseConnections);
        Assert.Equal(200, ConnectionBudgets.Of(new HttpLimitsOptions(), s_twoAddresses, new ServeOptions { Database = "Host=db" }, null).DatabaseConnections);
    }

    [Fact]
    public void Budgets_over_the_descriptor_limit_are_refused_naming_the_keys_and_the_numbers()
    {
        var budgets = ConnectionBudgets.Of(new HttpLimitsOptions { MaxConnections = 1000 }, s_twoAddresses, new ServeOptions(), 2048);

        string problem = Assert.Single(budgets.Validate());
        Assert.Contains($"need {budgets.Required} file descriptors but the process may open 2048", problem, StringComparison.Ordinal);
        foreach (string key in new[] { "Http:MaxConnections", "Dns:MaxTcpConnections", "Dns:Listen", "RLIMIT_NOFILE" })
            Assert.Contains(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_descriptor_limit_refuses_nothing()
    {
        var budgets = ConnectionBudgets.Of(new HttpLimitsOptions { MaxConnections = int.MaxValue }, s_twoAddresses, new ServeOptions(), null);
        Assert.Empty(budgets.Validate());
    }
}
