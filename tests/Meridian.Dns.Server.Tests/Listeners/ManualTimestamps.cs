namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>A time source whose timestamps the test moves by hand (one tick per 100 ns).</summary>
internal sealed class ManualTimestamps : TimeProvider
{
    private long _ticks = 1;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
