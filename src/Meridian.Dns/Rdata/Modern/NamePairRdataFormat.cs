using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>TALINK: two domain names (the previous and next links of a trust anchor chain).</summary>
public sealed class NamePairRdataFormat : RdataFormat
{
    public static NamePairRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error) =>
        ModernFields.TryReadName(ref text, output, out error) && ModernFields.TryReadName(ref text, output, out error);

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, 0, out int first) || !WireNames.TryGetLength(rdata, first, out int second) || first + second != rdata.Length)
            return false;
        DnsName.AppendPresentation(output, rdata[..first], omitFinalDot: false);
        output.Append(' ');
        DnsName.AppendPresentation(output, rdata[first..], omitFinalDot: false);
        return true;
    }
}
