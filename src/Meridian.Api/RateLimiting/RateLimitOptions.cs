namespace Meridian.Api.RateLimiting;

/// <summary>The "RateLimits" configuration section: how many requests one caller (an API key, or a browser
/// session) may make to a rate-limited surface per hour, and at most per minute within that.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PerHour { get; set; } = 1000;

    public int PerMinute { get; set; } = 100;

    /// <summary>How long the burst window lasts: a minute, as the Partner API promises. Shorter only where a test
    /// or a demonstration needs a 429 that clears in seconds.</summary>
    public TimeSpan BurstWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PerHour < 1) problems.Add($"{Section}:PerHour must be at least 1 (got {PerHour})");
        if (PerMinute < 1) problems.Add($"{Section}:PerMinute must be at least 1 (got {PerMinute})");
        // A burst limit above the hourly budget would never apply; it is a mistake in the settings, not a choice.
        if (BurstWindow < TimeSpan.FromSeconds(1) || BurstWindow > TimeSpan.FromHours(1))
            problems.Add($"{Section}:BurstWindow must be between 00:00:01 and 01:00:00 (got {BurstWindow})");
        if (PerMinute > PerHour) problems.Add($"{Section}:PerMinute ({PerMinute}) must not exceed {Section}:PerHour ({PerHour})");
        return problems;
    }
}
