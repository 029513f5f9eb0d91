using System.Threading.RateLimiting;
using Meridian.Api.RateLimiting;
using Meridian.Api.Tests.Support;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Tests.RateLimiting;

/// <summary>The fixed-window limiter on an injected clock, and the two chained windows of
/// <see cref="CallerRateLimits"/>, without a server.</summary>
public sealed class ClockedFixedWindowRateLimiterTests
{
    private readonly TestClock _clock = new();

    [Fact]
    public void A_window_allows_its_limit_then_refuses_until_it_ends()
    {
        var window = new RateLimitWindow("minute", TimeSpan.FromMinutes(1), 3);
        using var limiter = new ClockedFixedWindowRateLimiter(window, _clock);
        var opened = _clock.GetUtcNow();

        for (int remaining = 2; remaining >= 0; remaining--)
        {
            using var lease = limiter.AttemptAcquire();
            Assert.True(lease.IsAcquired);
            Assert.True(lease.TryGetMetadata(window.State, out var state));
            Assert.Equal(remaining, state.Remaining);
            Assert.Equal(opened + TimeSpan.FromMinutes(1), state.ResetsAt);
        }

        _clock.Advance(TimeSpan.FromSeconds(20));
        using (var refused = limiter.AttemptAcquire())
        {
            Assert.False(refused.IsAcquired);
            Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
            Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
            Assert.True(refused.TryGetMetadata(window.State, out var state));
            Assert.Equal(0, state.Remaining);
        }

        _clock.Advance(TimeSpan.FromSeconds(40));
        using var next = limiter.AttemptAcquire();
        Assert.True(next.IsAcquired);
        Assert.True(next.TryGetMetadata(window.State, out var fresh));
        Assert.Equal(2, fresh.Remaining);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(1), fresh.ResetsAt);
    }

    [Fact]
    public void A_limiter_is_not_idle_while_its_window_holds_permits()
    {
        // The partitioned limiter drops idle limiters: one dropped before its window ended would forget the count.
        var window = new RateLimitWindow("hour", TimeSpan.FromHours(1), 10);
        using var limiter = new ClockedFixedWindowRateLimiter(window, _clock);
        limiter.AttemptAcquire().Dispose();

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Null(limiter.IdleDuration);

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.IdleDuration);
    }

    [Fact]
    public void Zero_permits_tells_where_the_caller_stands_without_using_or_opening_a_window()
    {
        var window = new RateLimitWindow("minute", TimeSpan.FromMinutes(1), 5);
        using var limiter = new ClockedFixedWindowRateLimiter(window, _clock);

        using (var peek = limiter.AttemptAcquire(0))
        {
            Assert.True(peek.TryGetMetadata(window.State, out var state));
            Assert.Equal(5, state.Remaining);
        }
        Assert.NotNull(limiter.IdleDuration);
        Assert.Equal(5, limiter.GetStatistics()!.CurrentAvailablePermits);

        limiter.AttemptAcquire().Dispose();
        using var after = limiter.AttemptAcquire(0);
        Assert.True(after.TryGetMetadata(window.State, out var used));
        Assert.Equal(4, used.Remaining);
    }

    [Fact]
    public void Chained_windows_refuse_at_the_burst_limit_without_spending_the_hourly_budget()
    {
        using var limits = new CallerRateLimits(Options.Create(new RateLimitOptions { PerHour = 10, PerMinute = 4 }), _clock);
        var caller = Guid.NewGuid();

        for (int i = 1; i <= 4; i++)
        {
            using var served = limits.Acquire(caller);
            Assert.True(served.IsAcquired);
            Assert.Equal(10 - i, served.Budget.Remaining);
            Assert.Equal(4 - i, served.Windows[1].Remaining);
        }

        _clock.Advance(TimeSpan.FromSeconds(15));
        using (var refused = limits.Acquire(caller))
        {
            Assert.False(refused.IsAcquired);
            Assert.Equal(limits.Minute, refused.Exhausted);
            Assert.Equal(45, refused.RetryAfterSeconds());
            // The refused request did not reach the hourly window.
            Assert.Equal(6, refused.Budget.Remaining);
        }

        using var other = limits.Acquire(Guid.NewGuid());
        Assert.True(other.IsAcquired);
        Assert.Equal(9, other.Budget.Remaining);
    }

    [Fact]
    public void A_shorter_burst_window_refuses_for_its_own_length_and_then_serves_again()
    {
        using var limits = new CallerRateLimits(Options.Create(new RateLimitOptions { PerHour = 100, PerMinute = 2, BurstWindow = TimeSpan.FromSeconds(2) }), _clock);
        var caller = Guid.NewGuid();
        for (int i = 0; i < 2; i++)
        {
            using var served = limits.Acquire(caller);
            Assert.True(served.IsAcquired);
        }
        using (var refused = limits.Acquire(caller))
        {
            Assert.False(refused.IsAcquired);
            Assert.Equal(2, refused.RetryAfterSeconds());
        }
        _clock.Advance(TimeSpan.FromSeconds(2));
        using var again = limits.Acquire(caller);
        Assert.True(again.IsAcquired);
        Assert.Equal(TimeSpan.FromSeconds(2), limits.Minute.Length);
    }

    [Fact]
    public void Chained_windows_refuse_at_the_hourly_budget_until_the_hour_ends()
    {
        using var limits = new CallerRateLimits(Options.Create(new RateLimitOptions { PerHour = 6, PerMinute = 3 }), _clock);
        var caller = Guid.NewGuid();
        for (int minute = 0; minute < 2; minute++)
        {
            for (int i = 0; i < 3; i++)
            {
                using var served = limits.Acquire(caller);
                Assert.True(served.IsAcquired);
            }
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        using (var refused = limits.Acquire(caller))
        {
            Assert.False(refused.IsAcquired);
            Assert.Equal(limits.Hour, refused.Exhausted);
            Assert.Equal(58 * 60, refused.RetryAfterSeconds());
        }

        _clock.Advance(TimeSpan.FromMinutes(58));
        using var next = limits.Acquire(caller);
        Assert.True(next.IsAcquired);
        Assert.Equal(5, next.Budget.Remaining);
    }
}
