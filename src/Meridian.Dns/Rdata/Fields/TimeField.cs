using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>RRSIG/SIG expiration and inception; SIG takes only dates, RRSIG also plain seconds.</summary>
internal sealed class TimeField(bool allowSeconds) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecTime.TryParse(token, out uint value, out error, allowSeconds)) return false;
        output.WriteUInt32(value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 4, out uint value)) return false;
        DnssecTime.Append(output, value);
        return true;
    }
}
