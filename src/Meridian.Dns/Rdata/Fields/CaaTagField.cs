using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>CAA property tag (RFC 8659 §4.1): a length octet and 1–255 ASCII letters and digits, unquoted.</summary>
internal sealed class CaaTagField : RdataField
{
    public static CaaTagField Instance { get; } = new();

    public override bool TryParse(ref RdataTextReader text, RdataBuilder output, int rdataStart, out string? error)
    {
        if (!RdataTokens.TryReadUnquoted(ref text, out var token, out error)) return false;
        if (!IsTag(token))
        {
            error = token.Length > CharacterStrings.MaxLength ? OutOfRange : Syntax;
            return false;
        }
        output.WriteByte((byte)token.Length);
        output.WriteBytes(token);
        return true;
    }

    public override bool TryFormat(ReadOnlySpan<byte> rdata, ref int offset, StringBuilder output)
    {
        if (!CharacterStrings.TryRead(rdata, ref offset, out var tag) || tag.IsEmpty || !IsTag(tag)) return false;
        foreach (byte c in tag) output.Append((char)c);
        return true;
    }

    private static bool IsTag(ReadOnlySpan<byte> tag)
    {
        if (tag.Length > CharacterStrings.MaxLength) return false;
        foreach (byte c in tag)
        {
            if (!char.IsAsciiLetterOrDigit((char)c)) return false;
        }
        return true;
    }
}
