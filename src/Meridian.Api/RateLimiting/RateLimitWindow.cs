using System.Threading.RateLimiting;

namespace Meridian.Api.RateLimiting;

/// <summary>One fixed window of a rate limit: its name as the RateLimit headers show it ("hour"), how long it
/// lasts, and how many requests it allows.</summary>
public sealed class RateLimitWindow
{
    public RateLimitWindow(string name, TimeSpan length, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Name = name;
        Length = length;
        Limit = limit;
        State = MetadataName.Create<RateLimitWindowState>("meridian.rate-limit." + name);
    }

    public string Name { get; }

    public TimeSpan Length { get; }

    public int Limit { get; }

    /// <summary>The lease metadata that carries this window's state. Each window has its own name, so a chained
    /// lease that holds the leases of several windows answers for each of them.</summary>
    public MetadataName<RateLimitWindowState> State { get; }
}

/// <summary>Where a caller stands in one window: what is left of its limit and when the window ends.</summary>
public readonly record struct RateLimitWindowState(RateLimitWindow Window, int Remaining, DateTimeOffset ResetsAt)
{
    /// <summary>Whole seconds until the window ends, rounded up so a client that waits this long finds it ended.</summary>
    public long SecondsToReset(DateTimeOffset now) => Math.Max(0, (long)Math.Ceiling((ResetsAt - now).TotalSeconds));

    /// <summary>When the window ends in Unix seconds, rounded up for the same reason.</summary>
    public long ResetUnixSeconds => ResetsAt.ToUnixTimeSeconds() + (ResetsAt.UtcTicks % TimeSpan.TicksPerSecond == 0 ? 0 : 1);
}
