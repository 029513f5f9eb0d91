using System.Text;
using Meridian.Dns.Rdata;

namespace Meridian.Dns.Text;

/// <summary>Hex and base64 as they appear in record data: possibly split over several tokens.</summary>
public static class TextEncodings
{
    private const string UpperHex = "0123456789ABCDEF";

    /// <summary>Reads all remaining tokens as one hex string (white space between tokens is allowed).</summary>
    public static bool TryReadHexTokens(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        int pendingNibble = -1;
        while (text.TryRead(out var token))
        {
            foreach (byte c in token)
            {
                int nibble = HexValue(c);
                if (nibble < 0) { error = "bad hex encoding"; return false; }
                if (pendingNibble < 0) pendingNibble = nibble;
                else
                {
                    output.WriteByte((byte)((pendingNibble << 4) | nibble));
                    pendingNibble = -1;
                }
            }
        }
        if (pendingNibble >= 0) { error = "bad hex encoding"; return false; }
        error = null;
        return true;
    }

    public static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>Uppercase hex, as BIND prints it.</summary>
    public static void AppendHex(StringBuilder output, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data) output.Append(UpperHex[b >> 4]).Append(UpperHex[b & 15]);
    }
}
