using System.Globalization;
using Meridian.Dns.Server.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Health;

/// <summary>Healthy while every DNS receive and accept loop runs. Part of liveness (<c>/healthz</c>): a process whose
/// listeners died answers nothing over DNS, and only a restart brings them back.</summary>
internal sealed class DnsListenersHealthCheck(DnsServer server) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(server.IsListening
            ? HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"listening on {server.Endpoints.Count} address(es)"))
            : server.Endpoints.Count == 0
                ? HealthCheckResult.Unhealthy("starting: DNS is not listening yet")
                : HealthCheckResult.Unhealthy("a DNS listener has stopped"));
}
