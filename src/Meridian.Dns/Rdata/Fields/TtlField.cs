using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>A 32-bit interval that may be written with units (SOA refresh, retry, expire, minimum).</summary>
internal sealed class TtlField : RdataField
{
    public static TtlField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!TtlText.TryParse(token, out uint seconds, out error)) return false;
        output.WriteUInt32(seconds);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output) =>
        NumberField.UInt32.TryFormat(rdata, ref offset, output);
}
