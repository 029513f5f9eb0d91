using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>RRSIG signer: a name with no more labels than the record's labels field (octet 3), since the
/// signer is the owner or an ancestor; BIND refuses others ("out of range").</summary>
internal sealed class SignerNameField : RdataField
{
    private const int LabelsOffset = 3;

    public static SignerNameField Instance { get; } = new();

    private static bool Fits(ReadOnlySpan<byte> rdata, ReadOnlySpan<byte> name)
    {
        int labels = 0;
        for (int i = 0; name[i] != 0; i += name[i] + 1) labels++;
        return rdata.Length > LabelsOffset && labels <= rdata[LabelsOffset];
    }

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        if (!Fits(output.Written[rdataStart..], name.Wire))
        {
            error = OutOfRange;
            return false;
        }
        output.WriteName(name);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNames.TryGetLength(rdata, offset, out int length) || !Fits(rdata, rdata.Slice(offset, length))) return false;
        return NameField.Instance.TryFormat(rdata, ref offset, output);
    }
}
