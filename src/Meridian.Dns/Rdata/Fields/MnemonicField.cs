using System.Globalization;
using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>A number that may also be given as a mnemonic; printed as a number unless
/// <paramref name="printMnemonic"/> (CERT prints its type and algorithm by name).</summary>
internal sealed class MnemonicField(DnssecMnemonics.Kind kind, int size, bool printMnemonic = false) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!DnssecMnemonics.TryParse(kind, token, WireNumbers.MaxValue(size), out uint value, out error)) return false;
        WireNumbers.Write(output, size, value);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!WireNumbers.TryRead(rdata, ref offset, size, out uint value)) return false;
        if (printMnemonic) DnssecMnemonics.Append(kind, output, value);
        else output.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }
}
