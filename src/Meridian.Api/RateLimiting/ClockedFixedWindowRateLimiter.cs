using System.Threading.RateLimiting;

namespace Meridian.Api.RateLimiting;

/// <summary>A fixed-window limiter that reads time from a <see cref="TimeProvider"/>: a window opens at the first
/// request after the previous one ended and allows <see cref="RateLimitWindow.Limit"/> permits until it is
/// <see cref="RateLimitWindow.Length"/> old. The framework's window limiters run on their own timers and cannot
/// take a clock; this one replenishes lazily on each call, so a test moves time by moving the clock. Every lease,
/// acquired or not, carries the window's state under <see cref="RateLimitWindow.State"/>, and a refused one
/// also carries <see cref="MetadataName.RetryAfter"/>. Nothing is queued: a request is served or refused at once.</summary>
public sealed class ClockedFixedWindowRateLimiter : RateLimiter
{
    private readonly RateLimitWindow _window;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    // The open window's end; at or before now when no window is open, and then also when the limiter went idle.
    private DateTimeOffset _windowEnd;
    private int _used;
    private long _successfulLeases;
    private long _failedLeases;

    public ClockedFixedWindowRateLimiter(RateLimitWindow window, TimeProvider clock)
    {
        _window = window;
        _clock = clock;
        _windowEnd = clock.GetUtcNow();
    }

    /// <summary>How long every permit has been free (no window open), or null while a window holds permits. The
    /// partitioned limiter drops a caller's limiter once this passes a few seconds; until the window ends it must
    /// not, or the caller would get a fresh window early.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            var now = _clock.GetUtcNow();
            lock (_gate) return now < _windowEnd ? null : now - _windowEnd;
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = now < _windowEnd ? _window.Limit - _used : _window.Limit,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successfulLeases,
                TotalFailedLeases = _failedLeases,
            };
        }
    }

    // Disposing has nothing to release (no timer, no queue) and does not stop the limiter: a partition dropped as
    // idle while a request still holds it keeps working, so that race costs at most one uncounted request rather
    // than an ObjectDisposedException.

    /// <summary>Takes <paramref name="permitCount"/> permits from the open window, opening one if none is. Zero
    /// permits asks where the caller stands without opening a window or using anything.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _window.Limit);
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            bool open = now < _windowEnd;
            if (permitCount == 0)
            {
                var state = open ? State(_window.Limit - _used, _windowEnd) : State(_window.Limit, now + _window.Length);
                return new WindowLease(state.Remaining > 0, state, null);
            }
            if (!open)
            {
                _windowEnd = now + _window.Length;
                _used = 0;
            }
            if (_used + permitCount > _window.Limit)
            {
                _failedLeases++;
                return new WindowLease(false, State(_window.Limit - _used, _windowEnd), _windowEnd - now);
            }
            _used += permitCount;
            _successfulLeases++;
            return new WindowLease(true, State(_window.Limit - _used, _windowEnd), null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private RateLimitWindowState State(int remaining, DateTimeOffset resetsAt) => new(_window, remaining, resetsAt);

    /// <summary>The answer to one acquisition; there is nothing to give back when it is disposed (a fixed window
    /// counts requests, not requests in flight).</summary>
    private sealed class WindowLease(bool acquired, RateLimitWindowState state, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [state.Window.State.Name] : [state.Window.State.Name, MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == state.Window.State.Name)
            {
                metadata = state;
                return true;
            }
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
