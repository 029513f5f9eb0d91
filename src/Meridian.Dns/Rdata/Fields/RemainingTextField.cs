using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>Text without a length octet that fills the rest of the data (URI target, CAA value): one token,
/// no 255-octet limit. URI insists on quotes; CAA takes the value either way.</summary>
internal sealed class RemainingTextField(bool mustBeQuoted) : RdataField
{
    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!text.TryRead(out var raw, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (mustBeQuoted && !quoted)
        {
            error = Syntax;
            return false;
        }
        return CharacterStrings.TryDecode(raw, output, RdataBuilder.MaxLength, out _, out error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        CharacterStrings.AppendQuoted(output, rdata[offset..]);
        offset = rdata.Length;
        return true;
    }
}
