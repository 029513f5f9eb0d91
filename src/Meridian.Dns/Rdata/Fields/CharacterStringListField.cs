using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>One or more character-strings filling the rest of the data (TXT, SPF, NINFO).</summary>
internal sealed class CharacterStringListField : RdataField
{
    public static CharacterStringListField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!text.HasMore)
        {
            error = UnexpectedEnd;
            return false;
        }
        while (text.HasMore)
        {
            if (!CharacterStrings.TryParse(ref text, output, out error)) return false;
        }
        error = null;
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (offset >= rdata.Length) return false;
        for (bool first = true; offset < rdata.Length; first = false)
        {
            if (!CharacterStrings.TryRead(rdata, ref offset, out var value)) return false;
            if (!first) output.Append(' ');
            CharacterStrings.AppendQuoted(output, value);
        }
        return true;
    }
}
