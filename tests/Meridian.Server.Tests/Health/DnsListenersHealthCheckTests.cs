using Meridian.Dns.Server.Hosting;
using Meridian.Server.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Tests.Health;

/// <summary>The DNS part of liveness and readiness: unhealthy until the listeners run and once they stop.</summary>
public sealed class DnsListenersHealthCheckTests
{
    [Fact]
    public async Task Unhealthy_while_starting_healthy_while_listening_unhealthy_once_stopped()
    {
        var server = new DnsServer(new DnsServerOptions { Listen = ["127.0.0.1:0"], UdpWorkers = 1 });
        var check = new DnsListenersHealthCheck(server);

        var starting = await check.CheckHealthAsync(new HealthCheckContext());
        server.Start();
        var listening = await check.CheckHealthAsync(new HealthCheckContext());
        server.Dispose();
        var stopped = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Unhealthy, "starting: DNS is not listening yet"), (starting.Status, starting.Description));
        Assert.Equal((HealthStatus.Healthy, "listening on 1 address(es)"), (listening.Status, listening.Description));
        Assert.Equal((HealthStatus.Unhealthy, "a DNS listener has stopped"), (stopped.Status, stopped.Description));
    }
}
