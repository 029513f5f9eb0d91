namespace Meridian.Dns.Server.Listeners;

/// <summary>What an accept loop does after a failed accept. Waits double from <see cref="FirstDelay"/> up to
/// <see cref="MaxDelay"/> while accepts keep failing, so a loop that cannot get a descriptor (EMFILE, ENFILE,
/// ENOBUFS) sleeps instead of spinning on a listening socket that stays readable; and it says when to log, so
/// a long outage writes one line per <see cref="LogInterval"/> instead of one per failure. One accept loop
/// owns one instance; it is not thread-safe. The DNS TCP listeners use it, and so does the HTTP transport of
/// <c>meridian serve</c>, whose framework loop would otherwise retry at once.</summary>
public sealed class AcceptBackoff(TimeProvider time)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(5);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private int _consecutiveFailures;
    private long _unreported;
    private long _lastReport;
    private bool _reportedSince;
    private bool _everReported;

    /// <summary>Failed accepts since the last one that worked.</summary>
    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>Records a failed accept. Returns how long to wait before the next one; <paramref name="toReport"/>
    /// is the number of failures to log now (those since the last line), or 0 to say nothing.</summary>
    public TimeSpan Failed(out long toReport)
    {
        _consecutiveFailures++;
        _unreported++;
        long now = time.GetTimestamp();
        toReport = 0;
        if (!_everReported || time.GetElapsedTime(_lastReport, now) >= LogInterval)
        {
            toReport = _unreported;
            _unreported = 0;
            _lastReport = now;
            _everReported = _reportedSince = true;
        }
        // 5 ms, 10 ms, 20 ms … 1 s: the shift is bounded before it could overflow.
        long delay = FirstDelay.Ticks << Math.Min(_consecutiveFailures - 1, 16);
        return TimeSpan.FromTicks(Math.Min(delay, MaxDelay.Ticks));
    }

    /// <summary>Records an accept that worked. Returns the failures of the run it ends when a failure of that run
    /// was logged (so the recovery gets a line too), else 0.</summary>
    public int Succeeded()
    {
        int failures = _reportedSince ? _consecutiveFailures : 0;
        _consecutiveFailures = 0;
        _reportedSince = false;
        return failures;
    }
}
