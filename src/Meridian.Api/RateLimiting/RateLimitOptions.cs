namespace Meridian.Api.RateLimiting;

/// <summary>The "RateLimits" configuration section: how many requests one caller (an API key, or a browser
/// session) may make to a rate-limited surface per hour, and at most per minute within that.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int PerHour { get; set; } = 1000;

    public int PerMinute { get; set; } = 100;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PerHour < 1) problems.Add($"{Section}:PerHour must be at least 1 (got {PerHour})");
        if (PerMinute < 1) problems.Add($"{Section}:PerMinute must be at least 1 (got {PerMinute})");
        // A burst limit above the hourly budget would never apply; it is a mistake in the settings, not a choice.
        if (PerMinute > PerHour) problems.Add($"{Section}:PerMinute ({PerMinute}) must not exceed {Section}:PerHour ({PerHour})");
        return problems;
    }
}
