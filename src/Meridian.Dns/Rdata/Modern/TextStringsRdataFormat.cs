using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>Data that is one or more &lt;character-string&gt;s, like TXT: AVC, RESINFO (RFC 9606) and
/// WALLET. Each token (quoted or not) is one string of at most 255 octets; all are printed quoted.</summary>
public sealed class TextStringsRdataFormat : RdataFormat
{
    public static TextStringsRdataFormat Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, out string? error)
    {
        if (!text.HasMore)
        {
            error = ModernFields.UnexpectedEnd;
            return false;
        }
        while (text.TryRead(out var token))
        {
            if (!CharacterStrings.TryAppend(token, output, out error)) return false;
        }
        error = null;
        return ModernFields.CheckSpace(output, parsed: true, ref error);
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, StringBuilder output) =>
        CharacterStrings.TryAppendAllQuoted(output, rdata);
}
