using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Reading single presentation tokens the way BIND does: numbers are plain decimal (any number of
/// leading zeros), and only character-strings may be quoted.</summary>
public static class RdataTokens
{
    /// <summary>Reads the next token, which must not be quoted (names, mnemonics, encodings).</summary>
    public static bool TryReadUnquoted(ref RdataTextReader text, out ReadOnlySpan<byte> token, out string? error)
    {
        if (!text.TryRead(out token, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        error = quoted ? UnexpectedToken : null;
        return !quoted;
    }

    /// <summary>Reads a decimal number no greater than <paramref name="max"/>.</summary>
    public static bool TryReadNumber(ref RdataTextReader text, uint max, out uint value, out string? error)
    {
        value = 0;
        if (!text.TryRead(out var token, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (quoted)
        {
            error = BadNumber;
            return false;
        }
        return TryParseNumber(token, max, out value, out error);
    }

    /// <summary>Parses a decimal number no greater than <paramref name="max"/>.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> token, uint max, out uint value, out string? error)
    {
        value = 0;
        if (!TryParseDecimal(token, out ulong parsed))
        {
            error = BadNumber;
            return false;
        }
        if (parsed > max)
        {
            error = OutOfRange;
            return false;
        }
        value = (uint)parsed;
        error = null;
        return true;
    }

    /// <summary>Parses ASCII digits (at least one). Values past <see cref="ulong.MaxValue"/> saturate, so
    /// callers can report them as out of range rather than malformed.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty) return false;
        foreach (byte d in digits)
        {
            uint digit = (uint)(d - '0');
            if (digit > 9) return false;
            value = value > (ulong.MaxValue - digit) / 10 ? ulong.MaxValue : value * 10 + digit;
        }
        return true;
    }

    /// <summary>True for an ASCII decimal digit.</summary>
    public static bool IsDigit(byte c) => (uint)(c - '0') <= 9;
}
