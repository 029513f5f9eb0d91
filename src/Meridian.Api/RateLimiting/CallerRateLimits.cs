using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Meridian.Api.RateLimiting;

/// <summary>The per-caller limits of the rate-limited surfaces: an hourly budget and a per-minute burst limit, each
/// a partitioned limiter that gives every caller (API key or browser session) its own
/// <see cref="ClockedFixedWindowRateLimiter"/>, chained so a request must pass both. The state lives in this
/// process: each node of a fleet counts the requests it serves.</summary>
public sealed class CallerRateLimits : IDisposable
{
    private readonly TimeProvider _clock;
    private readonly PartitionedRateLimiter<Guid> _hourly;
    private readonly PartitionedRateLimiter<Guid> _perMinute;
    private readonly PartitionedRateLimiter<Guid> _chain;

    public CallerRateLimits(IOptions<RateLimitOptions> options, TimeProvider clock)
    {
        _clock = clock;
        Hour = new RateLimitWindow("hour", TimeSpan.FromHours(1), options.Value.PerHour);
        Minute = new RateLimitWindow("minute", options.Value.BurstWindow, options.Value.PerMinute);
        Windows = [Hour, Minute];
        _hourly = PerCaller(Hour);
        _perMinute = PerCaller(Minute);
        // The minute is asked first: a request it refuses never reaches the hour, so a burst beyond the minute's
        // limit does not spend the hourly budget. (A request the hour refuses has used a minute permit, which
        // matters only while the hour is exhausted anyway.)
        _chain = PartitionedRateLimiter.CreateChained(_perMinute, _hourly);
        PolicyHeader = RateLimitHeaders.Policy(Windows);
    }

    /// <summary>The hourly budget: the window the X-RateLimit-* headers report.</summary>
    public RateLimitWindow Hour { get; }

    public RateLimitWindow Minute { get; }

    /// <summary>Every window, the budget first.</summary>
    public IReadOnlyList<RateLimitWindow> Windows { get; }

    /// <summary>The RateLimit-Policy header value naming every window; it never changes.</summary>
    public string PolicyHeader { get; }

    /// <summary>Counts one request of <paramref name="caller"/> against every window. Dispose the decision when
    /// the request is over.</summary>
    public RateLimitDecision Acquire(Guid caller)
    {
        var lease = _chain.AttemptAcquire(caller);
        var states = new RateLimitWindowState[Windows.Count];
        for (int i = 0; i < states.Length; i++)
        {
            var window = Windows[i];
            if (lease.TryGetMetadata(window.State, out var state))
            {
                states[i] = state;
                continue;
            }
            // A refused chain answers with the refusing window's lease only; ask the others where the caller
            // stands without using a permit.
            states[i] = PeekAt(window, caller);
        }
        return new RateLimitDecision(lease, states, _clock.GetUtcNow());
    }

    /// <summary>Where <paramref name="caller"/> stands in every window right now (in <see cref="Windows"/> order),
    /// without using a permit or opening a window: what the partner dashboard shows per key. A window that is not
    /// open reports its whole limit.</summary>
    public IReadOnlyList<RateLimitWindowState> Peek(Guid caller)
    {
        var states = new RateLimitWindowState[Windows.Count];
        for (int i = 0; i < states.Length; i++) states[i] = PeekAt(Windows[i], caller);
        return states;
    }

    public void Dispose()
    {
        _chain.Dispose();
        _perMinute.Dispose();
        _hourly.Dispose();
    }

    private PartitionedRateLimiter<Guid> LimiterOf(RateLimitWindow window) => window == Hour ? _hourly : _perMinute;

    // Zero permits: the clocked limiter answers with the window's state and changes nothing.
    private RateLimitWindowState PeekAt(RateLimitWindow window, Guid caller)
    {
        using var peek = LimiterOf(window).AttemptAcquire(caller, 0);
        peek.TryGetMetadata(window.State, out var state);
        return state;
    }

    private PartitionedRateLimiter<Guid> PerCaller(RateLimitWindow window)
    {
        // Made once: the partitioner runs on every request, and a lambda written inside it would be a new
        // closure each time.
        Func<Guid, RateLimiter> create = _ => new ClockedFixedWindowRateLimiter(window, _clock);
        return PartitionedRateLimiter.Create<Guid, Guid>(caller => RateLimitPartition.Get(caller, create));
    }
}
