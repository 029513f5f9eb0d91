using System.Threading.RateLimiting;

namespace Meridian.Api.RateLimiting;

/// <summary>What <see cref="CallerRateLimits.Acquire"/> decided for one request: served or refused, and where the
/// caller stands in every window (in <see cref="CallerRateLimits.Windows"/> order, the budget first) at
/// <see cref="At"/>.</summary>
public sealed class RateLimitDecision(RateLimitLease lease, IReadOnlyList<RateLimitWindowState> windows, DateTimeOffset at) : IDisposable
{
    // Read once: the headers are written as the response starts, which can be after the lease is disposed.
    public bool IsAcquired { get; } = lease.IsAcquired;

    public IReadOnlyList<RateLimitWindowState> Windows { get; } = windows;

    public DateTimeOffset At { get; } = at;

    /// <summary>The hourly budget's state, which the X-RateLimit-* headers report.</summary>
    public RateLimitWindowState Budget => Windows[0];

    /// <summary>For a refused request, the seconds until every exhausted window has ended: retrying sooner would
    /// be refused again.</summary>
    public long RetryAfterSeconds()
    {
        long seconds = 0;
        foreach (var window in Windows)
        {
            if (window.Remaining == 0) seconds = Math.Max(seconds, window.SecondsToReset(At));
        }
        return Math.Max(seconds, 1);
    }

    /// <summary>The exhausted window that ends last: the one a refusal names.</summary>
    public RateLimitWindow? Exhausted =>
        Windows.Where(w => w.Remaining == 0).OrderByDescending(w => w.ResetsAt).Select(w => w.Window).FirstOrDefault();

    public void Dispose() => lease.Dispose();
}
