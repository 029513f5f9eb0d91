using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Meridian.Client.Http;

/// <summary>Which answers are worth another attempt, and how long to wait before it.</summary>
internal static class RetryRules
{
    /// <summary>408 and 429 say "later"; 409 is also what an idempotent request still running elsewhere gets;
    /// 5xx may be a server restarting or a provider hiccup.</summary>
    public static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    /// <summary>The server's wish (<c>Retry-After</c> in seconds or as a date) when it gave one, else exponential
    /// backoff from <paramref name="initial"/> with up to 25 % jitter taken off (so many clients refused together
    /// do not come back together); never longer than <paramref name="cap"/>.</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, TimeSpan initial, TimeSpan cap)
    {
        if (retryAfter is { } wish && wish >= TimeSpan.Zero)
            return wish < cap ? wish : cap;
        var backoff = initial.TotalMilliseconds * Math.Pow(2, attempt);
        var capped = Math.Min(backoff, cap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 - 0.25 * Random.Shared.NextDouble()));
    }

    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.TryGetValues("Retry-After", out var values) && values.FirstOrDefault() is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                return date > now ? date - now : TimeSpan.Zero;
        }
        return null;
    }
}
