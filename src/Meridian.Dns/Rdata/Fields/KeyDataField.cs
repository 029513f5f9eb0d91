using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>Public key material of KEY, DNSKEY, CDNSKEY and RKEY. A KEY whose flags say "no key"
/// (RFC 2535 §3.1.2) has none: BIND then reads no data and refuses any on the wire.</summary>
internal sealed class KeyDataField(bool noKeyAllowed) : RdataField
{
    private static bool SaysNoKey(ReadOnlySpan<byte> rdata) => rdata.Length >= 2 && (rdata[0] & 0xC0) == 0xC0;

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (noKeyAllowed && SaysNoKey(output.Written[rdataStart..]))
        {
            error = null;
            return true;
        }
        return Base64Field.Required.TryParse(ref text, output, rdataStart, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (noKeyAllowed && SaysNoKey(rdata)) return offset == rdata.Length;
        return Base64Field.Required.TryFormat(rdata, ref offset, output);
    }
}
