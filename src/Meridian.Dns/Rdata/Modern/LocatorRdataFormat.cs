using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>ILNP records of RFC 6742 that hold a preference and a value: NID and L64 (64 bits written as
/// four groups of 1–4 hex digits, "14:4fff:ff20:ee64") and L32 (an IPv4 dotted quad).</summary>
public sealed class LocatorRdataFormat : RdataFormat
{
    public static LocatorRdataFormat Nid { get; } = new(wide: true);
    public static LocatorRdataFormat L64 { get; } = new(wide: true);
    public static LocatorRdataFormat L32 { get; } = new(wide: false);

    private readonly bool _wide;

    private LocatorRdataFormat(bool wide) => _wide = wide;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, ushort.MaxValue, out uint preference, out error)) return false;
        if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
        output.WriteUInt16((ushort)preference);
        if (!_wide)
        {
            if (ModernAddressText.TryParseIPv4(token, output.Append(4))) return true;
            error = ModernFields.BadDottedQuad;
            return false;
        }
        if (TryParseLocator64(token, output.Append(8))) return true;
        error = ModernFields.SyntaxError;
        return false;
    }

    /// <summary>BIND's locator syntax: exactly four groups of 1–4 hex digits; BIND also takes one
    /// trailing ':' after the fourth group.</summary>
    private static bool TryParseLocator64(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        int group = 0, digits = 0, value = 0;
        foreach (byte c in text)
        {
            int digit = TextEncodings.HexValue(c);
            if (digit >= 0)
            {
                if (++digits > 4) return false;
                value = (value << 4) | digit;
                continue;
            }
            if (c != (byte)':' || digits == 0 || group == 4) return false;
            BinaryPrimitives.WriteUInt16BigEndian(destination[(2 * group++)..], (ushort)value);
            digits = 0;
            value = 0;
        }
        if (digits > 0)
        {
            if (group == 4) return false;
            BinaryPrimitives.WriteUInt16BigEndian(destination[(2 * group++)..], (ushort)value);
        }
        return group == 4;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length != (_wide ? 10 : 6)) return false;
        output.Append(BinaryPrimitives.ReadUInt16BigEndian(rdata).ToString(CultureInfo.InvariantCulture)).Append(' ');
        if (!_wide)
        {
            ModernAddressText.AppendIPv4(output, rdata[2..]);
            return true;
        }
        for (int i = 2; i < 10; i += 2)
        {
            if (i > 2) output.Append(':');
            output.Append(BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]).ToString("x", CultureInfo.InvariantCulture));
        }
        return true;
    }
}
