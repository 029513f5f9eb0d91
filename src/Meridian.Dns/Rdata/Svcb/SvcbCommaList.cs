using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>The comma-separated value lists of SVCB parameters such as alpn (RFC 9460 appendix A): a
/// second level of escaping on top of the character-string escapes of <see cref="CharacterStrings"/>.</summary>
internal static class SvcbCommaList
{
    /// <summary>Reads an alpn value: the token's escapes are resolved first, then the result is split
    /// at commas, where a backslash keeps the next octet literal ("h1\\,h2" is one id "h1,h2").
    /// Each id is written with its length octet; empty ids are refused.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> token, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        var decoded = new RdataBuilder();
        if (!CharacterStrings.TryDecode(token, decoded, RdataBuilder.MaxLength, out _, out error)) return false;
        error = RdataErrors.Syntax;
        int lengthAt = output.Length;
        output.WriteByte(0);
        int elementLength = 0;
        bool escaped = false;
        foreach (byte c in decoded.Written)
        {
            if (!escaped && c == (byte)'\\')
            {
                escaped = true;
                continue;
            }
            if (!escaped && c == (byte)',')
            {
                if (elementLength == 0) return false;
                if (!output.Overflowed) output.PatchByte(lengthAt, (byte)elementLength);
                lengthAt = output.Length;
                output.WriteByte(0);
                elementLength = 0;
                continue;
            }
            escaped = false;
            if (++elementLength > CharacterStrings.MaxLength) return false;
            output.WriteByte(c);
        }
        if (escaped || elementLength == 0) return false;
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)elementLength);
        error = null;
        return true;
    }

    /// <summary>Appends one alpn id for use inside a quoted list: commas and backslashes get the second
    /// level of escaping the list needs, and a space is written as \032.</summary>
    public static void AppendElement(StringBuilder output, ReadOnlySpan<byte> data)
    {
        foreach (byte c in data)
        {
            switch (c)
            {
                case (byte)',':
                    output.Append(@"\\,");
                    break;
                case (byte)'\\':
                    output.Append(@"\\\\");
                    break;
                case (byte)' ':
                    output.Append(@"\032");
                    break;
                default:
                    CharacterStrings.AppendEscaped(output, c);
                    break;
            }
        }
    }
}
