using Meridian.Dns.Server.Listeners;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>How a TCP accept loop waits and reports while accepts fail (no descriptors, no buffers).</summary>
public sealed class AcceptBackoffTests
{
    [Fact]
    public void Waits_double_from_5_ms_and_stop_growing_at_1_s()
    {
        var backoff = new AcceptBackoff(new ManualTimestamps());
        var delays = Enumerable.Range(0, 12).Select(_ => backoff.Failed(out long _).TotalMilliseconds).ToList();
        Assert.Equal([5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000, 1000, 1000], delays);
    }

    [Fact]
    public void Waits_start_small_again_after_an_accept_works()
    {
        var backoff = new AcceptBackoff(new ManualTimestamps());
        for (int i = 0; i < 10; i++) backoff.Failed(out _);
        backoff.Succeeded();
        Assert.Equal(TimeSpan.FromMilliseconds(5), backoff.Failed(out _));
    }

    [Fact]
    public void Failures_are_reported_once_per_interval_with_the_count_since_the_last_report()
    {
        var time = new ManualTimestamps();
        var backoff = new AcceptBackoff(time);
        var reports = new List<long>();
        // A minute of failures at the longest wait: 60 failures, one line per 10 s.
        for (int i = 0; i < 60; i++)
        {
            backoff.Failed(out long toReport);
            if (toReport > 0) reports.Add(toReport);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([1, 10, 10, 10, 10, 10], reports);
    }

    [Fact]
    public void Recovery_is_reported_only_after_a_run_whose_failures_were_reported()
    {
        var time = new ManualTimestamps();
        var backoff = new AcceptBackoff(time);
        backoff.Failed(out long first);
        backoff.Failed(out _);
        Assert.Equal(1, first);
        Assert.Equal(2, backoff.Succeeded());
        // A second run within the interval is not reported, so neither is its end: flapping writes no more lines.
        backoff.Failed(out long second);
        Assert.Equal(0, second);
        Assert.Equal(0, backoff.Succeeded());
        Assert.Equal(0, backoff.Succeeded());
    }
}
