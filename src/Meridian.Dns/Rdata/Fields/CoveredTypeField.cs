using System.Text;
using Meridian.Dns.Records;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>The type an RRSIG or SIG covers: a mnemonic, TYPEnnn or a plain number. RRSIG prints
/// TYPEnnn for types without a mnemonic, SIG the bare number.</summary>
internal sealed class CoveredTypeField(bool numberWhenUnknown) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (DnsTypeNames.TryParse(token, out var type))
        {
            output.WriteUInt16((ushort)type);
            return true;
        }
        if (!RdataTokens.TryParseDecimal(token, out ulong number))
        {
            error = UnknownMnemonic;
            return false;
        }
        if (number > ushort.MaxValue)
        {
            error = OutOfRange;
            return false;
        }
        output.WriteUInt16((ushort)number);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 2, out uint value)) return false;
        if (numberWhenUnknown) TypeBitmaps.AppendTypeOrNumber(output, (DnsType)value);
        else output.Append(DnsTypeNames.ToName((DnsType)value));
        return true;
    }
}
