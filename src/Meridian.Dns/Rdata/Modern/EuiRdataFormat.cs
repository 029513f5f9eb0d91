using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>EUI48 and EUI64 (RFC 7043): hex octets joined by '-', read with BIND's sscanf("%2x-%2x…")
/// leniency (one-digit octets, a '+' sign, anything after the last octet ignored).</summary>
public sealed class EuiRdataFormat : RdataFormat
{
    public static EuiRdataFormat Eui48 { get; } = new(6);
    public static EuiRdataFormat Eui64 { get; } = new(8);

    private const string BadEui = "bad EUI";
    private readonly int _length;

    private EuiRdataFormat(int length) => _length = length;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
        var octets = output.Append(_length);
        int i = 0;
        for (int n = 0; n < _length; n++)
        {
            if (n > 0)
            {
                if (i >= token.Length || token[i] != (byte)'-') { error = BadEui; return false; }
                i++;
            }
            if (!TryScanHexField(token, ref i, out uint value) || value > 255) { error = BadEui; return false; }
            octets[n] = (byte)value;
        }
        return true;
    }

    /// <summary>One "%2x" conversion: at most two characters, counting an optional sign and a "0x" prefix.</summary>
    private static bool TryScanHexField(ReadOnlySpan<byte> text, ref int i, out uint value)
    {
        value = 0;
        int width = 2;
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
            width--;
        }
        int digits = 0;
        while (width > 0 && i < text.Length)
        {
            int digit = TextEncodings.HexValue(text[i]);
            if (digit < 0)
            {
                // "0x" is a prefix to scanf, not the end of the number.
                if (digits == 1 && value == 0 && (text[i] == (byte)'x' || text[i] == (byte)'X')) { i++; width--; continue; }
                break;
            }
            value = value * 16 + (uint)digit;
            digits++;
            i++;
            width--;
        }
        if (digits == 0) return false;
        if (negative) value = unchecked(0u - value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length != _length) return false;
        for (int i = 0; i < rdata.Length; i++)
        {
            if (i > 0) output.Append('-');
            output.Append(rdata[i].ToString("x2", CultureInfo.InvariantCulture));
        }
        return true;
    }
}
