using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>Hex filling the rest of the data, at least one octet (TLSA, EID, NIMLOC…). When
/// <paramref name="expectedLength"/> knows the length for the fields before it (DS digest type 2 is 32
/// octets), exactly that many are read and required, as BIND does; otherwise at least
/// <paramref name="minLength"/>.</summary>
internal sealed class HexField(Func<ReadOnlySpan<byte>, int>? expectedLength = null, int minLength = 1) : RdataField
{
    public static HexField Rest { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        int expected = expectedLength?.Invoke(output.Written[rdataStart..]) ?? -1;
        if (expected >= 0) return HexText.TryReadExact(ref text, output, expected, out error);
        int start = output.Length;
        if (!HexText.TryReadRest(ref text, output, out error)) return false;
        if (output.Length - start < minLength)
        {
            error = UnexpectedEnd;
            return false;
        }
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        int length = rdata.Length - offset;
        int expected = expectedLength?.Invoke(rdata[..offset]) ?? -1;
        if (length < minLength || (expected >= 0 && length != expected)) return false;
        TextEncodings.AppendHex(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}
