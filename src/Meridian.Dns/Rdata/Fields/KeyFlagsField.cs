using System.Globalization;
using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>KEY-family flags. RKEY must have all flags clear (BIND refuses anything else).</summary>
internal sealed class KeyFlagsField(bool mustBeZero) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecMnemonics.TryParseKeyFlags(token, out ushort flags, out error)) return false;
        if (mustBeZero && flags != 0)
        {
            error = FormatError;
            return false;
        }
        output.WriteUInt16(flags);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, 2, out uint flags) || (mustBeZero && flags != 0)) return false;
        output.Append(flags.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
