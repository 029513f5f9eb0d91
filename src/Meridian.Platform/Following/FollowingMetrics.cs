using System.Diagnostics.Metrics;

namespace Meridian.Platform.Following;

/// <summary>The follower's instruments (meter "Meridian.Following"), for a metrics endpoint to publish: how far
/// behind the database this node may be, and how long changes took to reach it.</summary>
internal sealed class FollowingMetrics : IDisposable
{
    public const string MeterName = "Meridian.Following";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _entries;
    private readonly Counter<long> _failures;
    private readonly Histogram<double> _delay;

    public FollowingMetrics(Func<long> position, Func<double?> secondsSinceCaughtUp, Func<long> reloads)
    {
        _meter.CreateObservableCounter("meridian.following.reloads", reloads, unit: "{reload}",
            description: "Times this node reloaded every zone because change feed entries it had not read were pruned");
        _entries = _meter.CreateCounter<long>("meridian.following.entries", unit: "{entry}", description: "Change feed entries applied by this node");
        _failures = _meter.CreateCounter<long>("meridian.following.failures", unit: "{attempt}",
            description: "Reads of the change feed that failed (the database unreachable); DNS answers from memory meanwhile");
        _delay = _meter.CreateHistogram<double>("meridian.following.delay", unit: "s",
            description: "From a change's commit on any node to this node serving it");
        _meter.CreateObservableGauge("meridian.following.position", position, unit: "{entry}", description: "The last change feed position this node applied");
        _meter.CreateObservableGauge("meridian.following.lag", () => secondsSinceCaughtUp() is { } lag ? [new Measurement<double>(lag)] : Array.Empty<Measurement<double>>(),
            unit: "s", description: "Journal lag: how long ago this node last had every committed change (grows while the database is unreachable)");
    }

    public void Applied(int entries) => _entries.Add(entries);

    public void Failed() => _failures.Add(1);

    public void Delay(TimeSpan delay) => _delay.Record(Math.Max(0, delay.TotalSeconds));

    public void Dispose() => _meter.Dispose();
}
