using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>APL (RFC 3123): zero or more "[!]afi:address/prefix" items. The address is stored without
/// its trailing zero octets (not masked to the prefix); families other than 1 and 2 are valid on the
/// wire but have no text, so such data prints in the generic form.</summary>
public sealed class AplRdataFormat : RdataFormat
{
    public static AplRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        error = null;
        while (text.HasMore)
        {
            if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
            if (!TryWriteItem(token, output, out error)) return false;
        }
        return ModernFields.CheckSpace(output, parsed: true, ref error);
    }

    private static bool TryWriteItem(ReadOnlySpan<byte> item, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        bool negated = item[0] == (byte)'!';
        if (negated) item = item[1..];
        int used = ModernFields.StrToUL(item, out ulong family);
        error = ModernFields.SyntaxError;
        if (used >= item.Length || item[used] != (byte)':') return false;
        if (family > ushort.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        var rest = item[(used + 1)..];
        int slash = rest.IndexOf((byte)'/');
        if (slash <= 0) return false;
        var prefixText = rest[(slash + 1)..];
        if (prefixText.IsEmpty || !char.IsAsciiLetterOrDigit((char)prefixText[0]) || !ModernFields.TryParseDecimal(prefixText, out ulong prefix))
        {
            error = ModernFields.NotANumber;
            return false;
        }
        if (prefix > byte.MaxValue)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        Span<byte> address = stackalloc byte[16];
        int size;
        switch (family)
        {
            case 1:
                if (!ModernAddressText.TryParseIPv4(rest[..slash], address))
                {
                    error = ModernFields.BadDottedQuad;
                    return false;
                }
                size = 4;
                break;
            case 2:
                if (!ModernAddressText.TryParseIPv6(rest[..slash], address))
                {
                    error = ModernFields.BadIPv6;
                    return false;
                }
                size = 16;
                break;
            default:
                error = ModernFields.NotImplemented;
                return false;
        }
        if (prefix > (ulong)size * 8)
        {
            error = ModernFields.OutOfRange;
            return false;
        }
        while (size > 0 && address[size - 1] == 0) size--;
        output.WriteUInt16((ushort)family);
        output.WriteByte((byte)prefix);
        output.WriteByte((byte)(size | (negated ? 0x80 : 0)));
        output.WriteBytes(address[..size]);
        error = null;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        bool printable = true;
        for (int i = 0; i < rdata.Length;)
        {
            if (rdata.Length - i < 4) return false;
            int family = BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]);
            int prefix = rdata[i + 2];
            int length = rdata[i + 3] & 0x7f;
            i += 4;
            if (length > rdata.Length - i) return false;
            if ((family == 1 && (prefix > 32 || length > 4)) || (family == 2 && (prefix > 128 || length > 16))) return false;
            if (length > 0 && rdata[i + length - 1] == 0) return false;
            printable &= family is 1 or 2;
            i += length;
        }
        if (!printable) return GenericRdataFormat.Instance.TryFormat(rdata, output);

        Span<byte> address = stackalloc byte[16];
        for (int i = 0; i < rdata.Length;)
        {
            int family = BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]);
            int length = rdata[i + 3] & 0x7f;
            if (i > 0) output.Append(' ');
            if ((rdata[i + 3] & 0x80) != 0) output.Append('!');
            output.Append(family.ToString(CultureInfo.InvariantCulture)).Append(':');
            address.Clear();
            rdata.Slice(i + 4, length).CopyTo(address);
            if (family == 1) ModernAddressText.AppendIPv4(output, address);
            else ModernAddressText.AppendIPv6(output, address);
            output.Append('/').Append(rdata[i + 2].ToString(CultureInfo.InvariantCulture));
            i += 4 + length;
        }
        return true;
    }
}
