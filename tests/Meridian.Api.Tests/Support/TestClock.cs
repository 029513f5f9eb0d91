namespace Meridian.Api.Tests.Support;

/// <summary>A clock that stands still until a test moves it, so time-based rules (rate-limit windows, 24-hour
/// expiry) are tested by moving time instead of waiting. It starts at a whole second of the real time plus half a
/// microsecond, so it keeps <see cref="SubMicrosecondClock"/>'s property of always having digits PostgreSQL drops.</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond + 5;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }
}
