using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>Base64 in record data as BIND reads it: spread over any number of unquoted tokens, ending
/// with the tokens or with the group that carries padding (tokens after that are left unread). Padding
/// bits must be zero.</summary>
public static class Base64Text
{
    /// <summary>Reads base64 from the next tokens. With <paramref name="required"/>, at least one token
    /// must be there.</summary>
    public static bool TryRead(ref RdataTextReader text, RdataBuilder output, bool required, out string? error)
    {
        Span<int> group = stackalloc int[4];
        int count = 0, padding = 0;
        bool any = false;
        while (padding == 0 && text.TryPeek(out var token, out bool quoted))
        {
            if (quoted)
            {
                error = UnexpectedToken;
                return false;
            }
            text.TryRead(out _);
            any = true;
            foreach (byte c in token)
            {
                if (padding > 0 && count == 0)
                {
                    error = BadBase64; // data after the padded group
                    return false;
                }
                if (c == (byte)'=')
                {
                    if (count < 2)
                    {
                        error = BadBase64;
                        return false;
                    }
                    group[count++] = 0;
                    padding++;
                }
                else
                {
                    int value = SextetValue(c);
                    if (value < 0 || padding > 0)
                    {
                        error = BadBase64;
                        return false;
                    }
                    group[count++] = value;
                }
                if (count == 4)
                {
                    if (!TryFlush(group, padding, output))
                    {
                        error = BadBase64;
                        return false;
                    }
                    count = 0;
                }
            }
        }
        if (count != 0)
        {
            error = BadBase64;
            return false;
        }
        if (required && !any)
        {
            error = UnexpectedEnd;
            return false;
        }
        error = null;
        return true;
    }

    private static bool TryFlush(ReadOnlySpan<int> group, int padding, RdataBuilder output)
    {
        // Bits that fall into padding must be zero, or two encodings would mean the same octets.
        if (padding == 1 && (group[2] & 0x03) != 0) return false;
        if (padding == 2 && (group[1] & 0x0f) != 0) return false;
        int bits = (group[0] << 18) | (group[1] << 12) | (group[2] << 6) | group[3];
        output.WriteByte((byte)(bits >> 16));
        if (padding < 2) output.WriteByte((byte)(bits >> 8));
        if (padding < 1) output.WriteByte((byte)bits);
        return true;
    }

    private static int SextetValue(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };

    /// <summary>Appends standard padded base64 on one line.</summary>
    public static void Append(StringBuilder output, ReadOnlySpan<byte> data) => output.Append(Convert.ToBase64String(data));
}
