using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Time intervals as the SOA timers take them: plain seconds, or units such as <c>1w2d3h4m5s</c>
/// (case-insensitive, units may repeat), at most 2^32 - 1 seconds.</summary>
public static class TtlText
{
    /// <summary>Parses one token; errors use BIND's wording (a plain number past 32 bits is a syntax error,
    /// a unit sum past it is out of range).</summary>
    public static bool TryParse(ReadOnlySpan<byte> token, out uint seconds, out string? error)
    {
        seconds = 0;
        if (RdataTokens.TryParseDecimal(token, out ulong plain))
        {
            if (plain > uint.MaxValue)
            {
                error = Syntax;
                return false;
            }
            seconds = (uint)plain;
            error = null;
            return true;
        }
        ulong total = 0;
        int i = 0;
        while (i < token.Length)
        {
            int start = i;
            while (i < token.Length && RdataTokens.IsDigit(token[i])) i++;
            if (i == start || i == token.Length || !RdataTokens.TryParseDecimal(token[start..i], out ulong count))
            {
                error = Syntax;
                return false;
            }
            ulong unit = (token[i] | 0x20) switch
            {
                'w' => 604800,
                'd' => 86400,
                'h' => 3600,
                'm' => 60,
                's' => 1,
                _ => 0,
            };
            if (unit == 0)
            {
                error = Syntax;
                return false;
            }
            i++;
            total += Math.Min(count, uint.MaxValue + 1UL) * unit;
            if (total > uint.MaxValue)
            {
                error = OutOfRange;
                return false;
            }
        }
        seconds = (uint)total;
        error = null;
        return true;
    }
}
