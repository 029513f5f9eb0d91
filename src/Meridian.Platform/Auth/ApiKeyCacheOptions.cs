using System.ComponentModel.DataAnnotations;

namespace Meridian.Platform.Auth;

/// <summary>How long this process trusts what it learned about an API key (configuration section "ApiKeys").</summary>
public sealed class ApiKeyCacheOptions
{
    public const string Section = "ApiKeys";

    /// <summary>A key seen in the database is trusted this long before it is read again. Revocation and
    /// rotation in this process take effect at once; this is the longest a revocation made by another process
    /// (the CLI, another node) can go unseen.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "allowed: 00:00:00 (always read) to 1.00:00:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Keys remembered at most; past it the cache starts over (a bound on memory, not a tuning knob).</summary>
    [Range(1, int.MaxValue, ErrorMessage = "allowed: 1 or more")]
    public int MaxEntries { get; set; } = 100_000;
}
