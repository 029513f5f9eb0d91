using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata;

/// <summary>Data that is one domain name: NS, CNAME, PTR, DNAME, MB, MD, MF, MG, MR.</summary>
public sealed class SingleNameRdataFormat : RdataFormat
{
    public static SingleNameRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!text.TryRead(out var token))
        {
            error = "unexpected end of input";
            return false;
        }
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        output.WriteName(name);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, 0, out int length) || length != rdata.Length) return false;
        DnsName.AppendPresentation(output, rdata, omitFinalDot: false);
        return true;
    }
}
