using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Hex in record data as BIND reads it: spread over unquoted tokens, digit pairs may straddle
/// tokens. Printed in uppercase (<see cref="TextEncodings.AppendHex"/>).</summary>
public static class HexText
{
    /// <summary>Reads hex from all remaining tokens; at least one token must be there.</summary>
    public static bool TryReadRest(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        int pending = -1;
        bool any = false;
        while (text.HasMore)
        {
            if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
            any = true;
            if (!TryDecode(token, output, int.MaxValue, ref pending, out _))
            {
                error = BadHex;
                return false;
            }
        }
        if (!any)
        {
            error = UnexpectedEnd;
            return false;
        }
        error = pending >= 0 ? BadHex : null;
        return error is null;
    }

    /// <summary>Reads exactly <paramref name="length"/> octets, from as many tokens as that takes; a token
    /// running past the length is bad hex, running out of tokens is an unexpected end.</summary>
    public static bool TryReadExact(ref RdataTextReader text, RdataBuilder output, int length, out string? error)
    {
        int pending = -1, written = 0;
        while (written < length || pending >= 0)
        {
            if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
            if (!TryDecode(token, output, length - written, ref pending, out int count))
            {
                error = BadHex;
                return false;
            }
            written += count;
        }
        error = null;
        return true;
    }

    /// <summary>Decodes one token, at most <paramref name="limit"/> octets, carrying an odd nibble over
    /// in <paramref name="pending"/>.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> token, RdataBuilder output, int limit, ref int pending, out int count)
    {
        count = 0;
        foreach (byte c in token)
        {
            int nibble = TextEncodings.HexValue(c);
            if (nibble < 0) return false;
            if (pending < 0)
            {
                if (count == limit) return false;
                pending = nibble;
                continue;
            }
            output.WriteByte((byte)((pending << 4) | nibble));
            pending = -1;
            count++;
        }
        return true;
    }

    /// <summary>Decodes a single token of hex (an even number of digits) into <paramref name="output"/>.</summary>
    public static bool TryDecodeToken(ReadOnlySpan<byte> token, RdataBuilder output)
    {
        int pending = -1;
        return TryDecode(token, output, int.MaxValue, ref pending, out _) && pending < 0;
    }
}
