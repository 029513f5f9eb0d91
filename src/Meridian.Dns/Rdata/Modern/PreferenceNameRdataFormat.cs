using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>LP (RFC 6742): a preference and a domain name.</summary>
public sealed class PreferenceNameRdataFormat : RdataFormat
{
    public static PreferenceNameRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!ModernFields.TryReadNumber(ref text, ushort.MaxValue, out uint preference, out error)) return false;
        output.WriteUInt16((ushort)preference);
        return ModernFields.TryReadName(ref text, output, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (rdata.Length < 3 || !WireNames.TryGetLength(rdata, 2, out int length) || 2 + length != rdata.Length) return false;
        output.Append(BinaryPrimitives.ReadUInt16BigEndian(rdata).ToString(CultureInfo.InvariantCulture)).Append(' ');
        DnsName.AppendPresentation(output, rdata[2..], omitFinalDot: false);
        return true;
    }
}
