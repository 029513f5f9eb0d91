using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>An uncompressed domain name, relative names completed with the origin, printed absolute.</summary>
internal sealed class NameField : RdataField
{
    public static NameField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        output.WriteName(name);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, offset, out int length)) return false;
        DnsName.AppendPresentation(output, rdata.Slice(offset, length), omitFinalDot: false);
        offset += length;
        return true;
    }
}
