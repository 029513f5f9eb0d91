using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>A6 (RFC 2874, historic): "prefix-length address-suffix prefix-name"; the suffix keeps only
/// the bits after the prefix, there is no suffix at 128 and no name at 0.</summary>
public sealed class A6RdataFormat : RdataFormat
{
    public static A6RdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, 128, out uint prefixLength, out error)) return false;
        output.WriteByte((byte)prefixLength);
        if (prefixLength != 128)
        {
            if (!ModernFields.TryReadString(ref text, out var token, out error)) return false;
            Span<byte> address = stackalloc byte[16];
            if (!ModernAddressText.TryParseIPv6(token, address))
            {
                error = ModernFields.BadIPv6;
                return false;
            }
            int skip = (int)prefixLength / 8;
            address[skip] &= (byte)(0xff >> (int)(prefixLength % 8));
            output.WriteBytes(address[skip..]);
        }
        if (prefixLength == 0) return true;
        return ModernFields.TryReadName(ref text, output, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 1 || rdata[0] > 128) return false;
        int prefixLength = rdata[0];
        int suffixLength = prefixLength == 128 ? 0 : 16 - prefixLength / 8;
        if (rdata.Length < 1 + suffixLength) return false;
        var suffix = rdata.Slice(1, suffixLength);
        if (suffixLength > 0 && (suffix[0] & ~(0xff >> (prefixLength % 8))) != 0) return false;
        var name = rdata[(1 + suffixLength)..];
        if (prefixLength == 0 ? !name.IsEmpty : !WireNames.TryGetLength(name, 0, out int nameLength) || nameLength != name.Length) return false;

        output.Append(prefixLength.ToString(CultureInfo.InvariantCulture)).Append(' ');
        if (suffixLength > 0)
        {
            Span<byte> address = stackalloc byte[16];
            address.Clear();
            suffix.CopyTo(address[(16 - suffixLength)..]);
            ModernAddressText.AppendIPv6(output, address);
        }
        if (prefixLength == 0) return true;
        output.Append(' ');
        DnsName.AppendPresentation(output, name, omitFinalDot: false);
        return true;
    }
}
