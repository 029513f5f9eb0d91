namespace Meridian.Dns.ZoneFiles;

/// <summary>How a TTL token was understood.</summary>
internal enum TtlParse
{
    Ok,

    /// <summary>Not a TTL at all (BIND: "bad ttl"); the token may be a class or type.</summary>
    Bad,

    /// <summary>A TTL whose value passes 2^32-1 (BIND: "out of range").</summary>
    OutOfRange,
}

/// <summary>TTLs as BIND reads them in records and $TTL (dns_ttl_fromtext): a plain number, or numbers each followed by a unit (w, d, h, m, s,
/// either case) whose values add up, e.g. <c>1w2d</c>, <c>1h30m</c>. A bare number may not follow a unit.</summary>
internal static class RecordTtl
{
    /// <summary>TTLs above this are set to 0 with a warning (RFC 2181 §8).</summary>
    public const uint MaxTtl = 0x7fffffff;

    public static TtlParse Parse(ReadOnlySpan<byte> text, out uint ttl)
    {
        ttl = 0;
        // BIND copies the token into a 64-octet buffer first; anything longer is no TTL.
        if (text.IsEmpty || text.Length > 63) return TtlParse.Bad;
        ulong total = 0;
        int i = 0;
        while (i < text.Length)
        {
            int digitsStart = i;
            ulong number = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9)
            {
                number = number * 10 + (uint)(text[i] - '0');
                if (number > uint.MaxValue) return TtlParse.Bad;
                i++;
            }
            if (i == digitsStart) return TtlParse.Bad;
            if (i == text.Length)
            {
                // A plain number is only allowed on its own.
                if (total != 0) return TtlParse.Bad;
                total = number;
                break;
            }
            ulong unit = (text[i] | 0x20) switch
            {
                (byte)'w' => 7 * 24 * 3600,
                (byte)'d' => 24 * 3600,
                (byte)'h' => 3600,
                (byte)'m' => 60,
                (byte)'s' => 1,
                _ => 0,
            };
            if (unit == 0) return TtlParse.Bad;
            total += number * unit;
            i++;
        }
        if (total > uint.MaxValue) return TtlParse.OutOfRange;
        ttl = (uint)total;
        return TtlParse.Ok;
    }
}
