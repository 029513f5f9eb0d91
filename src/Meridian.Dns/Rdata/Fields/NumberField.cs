using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>An unsigned decimal field of 1, 2 or 4 octets.</summary>
internal sealed class NumberField(int size) : RdataField
{
    public static NumberField UInt8 { get; } = new(1);
    public static NumberField UInt16 { get; } = new(2);
    public static NumberField UInt32 { get; } = new(4);

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadNumber(ref text, WireNumbers.MaxValue(size), out uint value, out error)) return false;
        WireNumbers.Write(output, size, value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, size, out uint value)) return false;
        output.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
