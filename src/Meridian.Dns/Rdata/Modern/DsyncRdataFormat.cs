using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>DSYNC (draft-ietf-dnsop-generalized-notify): "RRtype scheme port target", with the type as a
/// mnemonic, TYPEnnn or a bare number and the scheme as NOTIFY or a number, as BIND 9.18 reads it.</summary>
public sealed class DsyncRdataFormat : RdataFormat
{
    public static DsyncRdataFormat Instance { get; } = new();

    private const string UnknownType = "unknown class/type";
    private const byte NotifyScheme = 1;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadString(ref text, out var typeText, out error)) return false;
        if (!TryParseType(typeText, out ushort type, out error)) return false;
        output.WriteUInt16(type);

        if (!ModernFields.TryReadString(ref text, out var schemeText, out error)) return false;
        if (ModernFields.TryParseDecimal(schemeText, out ulong scheme))
        {
            if (scheme > byte.MaxValue)
            {
                error = ModernFields.OutOfRange;
                return false;
            }
            output.WriteByte((byte)scheme);
        }
        else if (Ascii.EqualsIgnoreCase(schemeText, "NOTIFY"u8))
        {
            output.WriteByte(NotifyScheme);
        }
        else
        {
            error = UnknownType;
            return false;
        }

        if (!ModernFields.TryReadNumber(ref text, ushort.MaxValue, out uint port, out error)) return false;
        output.WriteUInt16((ushort)port);
        return ModernFields.TryReadName(ref text, output, out error);
    }

    /// <summary>A type mnemonic or TYPEnnn, else a decimal number as C's strtol reads it.</summary>
    private static bool TryParseType(ReadOnlySpan<byte> text, out ushort type, out string? error)
    {
        error = null;
        if (DnsTypeNames.TryParse(text, out var known))
        {
            type = (ushort)known;
            return true;
        }
        // BIND's private KEYDATA type has a mnemonic but is printed as TYPE65533.
        if (Ascii.EqualsIgnoreCase(text, "KEYDATA"u8))
        {
            type = 65533;
            return true;
        }
        type = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        int digitsStart = i;
        ulong value = 0;
        while (i < text.Length && ModernFields.IsDigit(text[i]))
        {
            value = Math.Min(value * 10 + (uint)(text[i] - '0'), 1_000_000);
            i++;
        }
        if (i == digitsStart) i = 0;
        if ((negative && value != 0) || value > ushort.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        if (i != text.Length)
        {
            error = UnknownType;
            return false;
        }
        type = (ushort)value;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 6 || !WireNames.TryGetLength(rdata, 5, out int length) || 5 + length != rdata.Length) return false;
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(rdata);
        output.Append(type == 0 ? "TYPE0" : DnsTypeNames.ToName((DnsType)type)).Append(' ');
        byte scheme = rdata[2];
        output.Append(scheme == NotifyScheme ? "NOTIFY" : scheme.ToString(CultureInfo.InvariantCulture)).Append(' ');
        output.Append(BinaryPrimitives.ReadUInt16BigEndian(rdata[3..]).ToString(CultureInfo.InvariantCulture)).Append(' ');
        DnsName.AppendPresentation(output, rdata[5..], omitFinalDot: false);
        return true;
    }
}
