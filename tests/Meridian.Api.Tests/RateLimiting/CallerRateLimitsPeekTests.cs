using Meridian.Api.RateLimiting;
using Meridian.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Tests.RateLimiting;

/// <summary><see cref="CallerRateLimits.Peek"/>: where a caller stands in each window, read without spending or
/// opening anything (the partner dashboard's view of a key).</summary>
public sealed class CallerRateLimitsPeekTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void Peek_reports_each_window_and_uses_no_permit()
    {
        using var limits = new CallerRateLimits(Options.Create(new RateLimitOptions { PerHour = 10, PerMinute = 3, BurstWindow = TimeSpan.FromSeconds(30) }), _clock);
        var caller = Guid.NewGuid();

        var unused = limits.Peek(caller);
        Assert.Equal([10, 3], unused.Select(w => w.Remaining));
        Assert.Equal([limits.Hour, limits.Minute], unused.Select(w => w.Window));

        var opened = _clock.GetUtcNow();
        for (int i = 0; i < 2; i++) limits.Acquire(caller).Dispose();
        _clock.Advance(TimeSpan.FromSeconds(10));
        // Peeking many times changes nothing: the next request still has exactly one burst permit left.
        for (int i = 0; i < 5; i++)
        {
            var now = limits.Peek(caller);
            Assert.Equal(8, now[0].Remaining);
            Assert.Equal(opened + TimeSpan.FromHours(1), now[0].ResetsAt);
            Assert.Equal(1, now[1].Remaining);
            Assert.Equal(20, now[1].SecondsToReset(_clock.GetUtcNow()));
        }
        using (var last = limits.Acquire(caller)) Assert.True(last.IsAcquired);
        using (var refused = limits.Acquire(caller)) Assert.False(refused.IsAcquired);
        Assert.Equal([7, 0], limits.Peek(caller).Select(w => w.Remaining));

        // Once the burst window ends it reports its whole limit again; the hour keeps its count.
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal([7, 3], limits.Peek(caller).Select(w => w.Remaining));
        Assert.Equal([10, 3], limits.Peek(Guid.NewGuid()).Select(w => w.Remaining));
    }
}
