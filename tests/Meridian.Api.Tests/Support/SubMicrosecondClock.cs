namespace Meridian.Api.Tests.Support;

/// <summary>The system clock with a tenth of a microsecond always set. The real clock has 100-ns ticks, so
/// nine times in ten a time has digits finer than the microseconds PostgreSQL keeps; this makes it every
/// time, so a test that compares times as returned with times as stored fails or passes for certain.</summary>
public sealed class SubMicrosecondClock : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = System.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10) + 5, TimeSpan.Zero);
    }
}
