namespace Meridian.Platform.Publishing;

/// <summary>SOA serial arithmetic (RFC 1982): serials are 32-bit and compared on a circle, so "next" is
/// always greater than the current one as secondaries compare them.</summary>
public static class SerialNumbers
{
    /// <summary>The serial of a new zone: the Unix time, so a zone deleted and created again starts above
    /// where the old one most likely stood.</summary>
    public static uint Initial(DateTime nowUtc) => UnixSeconds(nowUtc);

    /// <summary>The next serial: the clock's Unix time when that is ahead of the current serial (serials stay
    /// readable as times), otherwise the current one plus one.</summary>
    public static uint Next(uint current, DateTime nowUtc)
    {
        uint plusOne = unchecked(current + 1);
        uint clock = UnixSeconds(nowUtc);
        return IsGreater(clock, plusOne) ? clock : plusOne;
    }

    /// <summary>RFC 1982 §3.2: <paramref name="a"/> &gt; <paramref name="b"/> on the serial circle.</summary>
    public static bool IsGreater(uint a, uint b) =>
        a != b && ((a > b && a - b < 0x8000_0000u) || (a < b && b - a > 0x8000_0000u));

    private static uint UnixSeconds(DateTime nowUtc) => unchecked((uint)new DateTimeOffset(nowUtc, TimeSpan.Zero).ToUnixTimeSeconds());
}
