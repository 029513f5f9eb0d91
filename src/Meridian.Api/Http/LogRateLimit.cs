namespace Meridian.Api.Http;

/// <summary>Lets a repeated log line through at most once per interval and counts the ones held back, so a client
/// that repeats a mistake, or an outage that fails every request, cannot flood the log. Thread-safe.</summary>
public sealed class LogRateLimit(TimeSpan interval, TimeProvider time)
{
    private readonly long _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    private long _nextAllowed = long.MinValue;
    private long _heldBack;

    /// <summary>True when a line may be written now; <paramref name="heldBack"/> is how many were held back since
    /// the last one.</summary>
    public bool TryEnter(out long heldBack)
    {
        long now = time.GetTimestamp();
        long next = Interlocked.Read(ref _nextAllowed);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, next) != next)
        {
            Interlocked.Increment(ref _heldBack);
            heldBack = 0;
            return false;
        }
        heldBack = Interlocked.Exchange(ref _heldBack, 0);
        return true;
    }
}
