using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.RateLimiting;

/// <summary>The rate-limit headers of a response. <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c>
/// (Unix seconds) report the hourly budget, as the Partner API spec shows them. <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> name every window in the structured-field syntax (RFC 9651 lists of strings with parameters) of
/// draft-ietf-httpapi-ratelimit-headers-11, §3 and §4: <c>"hour";q=1000;w=3600, "minute";q=100;w=60</c> and
/// <c>"hour";r=999;t=3600, "minute";r=99;t=60</c>, where <c>t</c> is seconds until the window ends.</summary>
public static class RateLimitHeaders
{
    public const string Limit = "X-RateLimit-Limit";
    public const string Remaining = "X-RateLimit-Remaining";
    public const string Reset = "X-RateLimit-Reset";
    public const string PolicyName = "RateLimit-Policy";
    public const string LimitName = "RateLimit";

    /// <summary>The RateLimit-Policy value for these windows.</summary>
    public static string Policy(IEnumerable<RateLimitWindow> windows) => string.Join(", ",
        windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"\"{w.Name}\";q={w.Limit};w={(long)w.Length.TotalSeconds}")));

    /// <summary>Sets every rate-limit header for <paramref name="decision"/>, and Retry-After when it refused.</summary>
    public static void Write(IHeaderDictionary headers, RateLimitDecision decision, string policy)
    {
        var budget = decision.Budget;
        headers[Limit] = budget.Window.Limit.ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = budget.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = budget.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        headers[PolicyName] = policy;
        headers[LimitName] = Current(decision);
        if (!decision.IsAcquired) headers.RetryAfter = decision.RetryAfterSeconds().ToString(CultureInfo.InvariantCulture);
    }

    private static string Current(RateLimitDecision decision)
    {
        var value = new StringBuilder(64);
        foreach (var window in decision.Windows)
        {
            if (value.Length > 0) value.Append(", ");
            value.Append(CultureInfo.InvariantCulture, $"\"{window.Window.Name}\";r={window.Remaining};t={window.SecondsToReset(decision.At)}");
        }
        return value.ToString();
    }
}
