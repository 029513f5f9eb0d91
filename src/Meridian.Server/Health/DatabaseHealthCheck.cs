using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Meridian.Server.Health;

/// <summary>Healthy when a statement runs on the platform's database, through the same context factory the services
/// use (contexts come from <see cref="PlatformDatabase"/>'s pool, not from DI, which is why this is not the EF Core
/// package's DbContext check). Part of readiness (<c>/readyz</c>): without its database a node can answer DNS but
/// no write. The result is kept for a second, so a flood of probes costs the database one statement a second.</summary>
internal sealed class DatabaseHealthCheck(PlatformDatabase database, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan s_reuseFor = TimeSpan.FromSeconds(1);

    private volatile Probe? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && time.GetElapsedTime(last.At) < s_reuseFor) return last.Result;
        var result = await ProbeAsync(cancellationToken);
        _last = new Probe(time.GetTimestamp(), result);
        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = database.CreateContext();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever fails, this node cannot serve writes now. The exception stays out of the result: the framework
            // would log its stack trace at every probe, and the outage handler already logs the cause.
            return HealthCheckResult.Unhealthy("the database cannot be reached");
        }
    }

    private sealed record Probe(long At, HealthCheckResult Result);
}
