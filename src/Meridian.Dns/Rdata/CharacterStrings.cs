using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Meridian.Dns.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>RFC 1035 character-strings: one token each (quoted or not) in presentation form, a length octet
/// and up to 255 octets on the wire. Printed as BIND prints them: always quoted, <c>"</c> and <c>\</c>
/// escaped with a backslash, octets outside 0x20–0x7e as <c>\DDD</c>.</summary>
public static class CharacterStrings
{
    public const int MaxLength = 255;

    /// <summary>Reads one token and appends it as a length-prefixed character-string.</summary>
    public static bool TryParse(ref RdataTextReader text, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        if (!text.TryRead(out var raw))
        {
            error = UnexpectedEnd;
            return false;
        }
        return TryAppend(raw, output, out error);
    }

    /// <summary>Decodes one token's escapes and appends it as a length-prefixed character-string.</summary>
    public static bool TryAppend(ReadOnlySpan<byte> raw, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (!TryDecode(raw, output, MaxLength, out int length, out error)) return false;
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)length);
        return true;
    }

    /// <summary>Appends the octets a token stands for: <c>\DDD</c> is a decimal octet (exactly three digits,
    /// at most 255), <c>\X</c> is X itself. A bad escape or more than <paramref name="maxLength"/> octets is a
    /// syntax error, as in BIND.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> raw, RdataBuilder output, int maxLength, out int length, [NotNullWhen(false)] out string? error)
    {
        length = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            byte c = raw[i];
            if (c == (byte)'\\')
            {
                if (i + 1 >= raw.Length)
                {
                    error = Syntax;
                    return false;
                }
                byte next = raw[i + 1];
                if (RdataTokens.IsDigit(next))
                {
                    if (i + 3 >= raw.Length || !RdataTokens.IsDigit(raw[i + 2]) || !RdataTokens.IsDigit(raw[i + 3]))
                    {
                        error = Syntax;
                        return false;
                    }
                    int value = (next - '0') * 100 + (raw[i + 2] - '0') * 10 + (raw[i + 3] - '0');
                    if (value > 255)
                    {
                        error = Syntax;
                        return false;
                    }
                    c = (byte)value;
                    i += 3;
                }
                else
                {
                    c = next;
                    i++;
                }
            }
            if (length == maxLength)
            {
                error = Syntax;
                return false;
            }
            output.WriteByte(c);
            length++;
        }
        error = null;
        return true;
    }

    /// <summary>Reads the character-string at <paramref name="offset"/>; false when it runs past the data.</summary>
    public static bool TryRead(ReadOnlySpan<byte> rdata, ref int offset, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (offset >= rdata.Length || offset + 1 + rdata[offset] > rdata.Length) return false;
        value = rdata.Slice(offset + 1, rdata[offset]);
        offset += 1 + rdata[offset];
        return true;
    }

    /// <summary>Appends octets in double quotes with BIND's escapes.</summary>
    public static void AppendQuoted(StringBuilder output, ReadOnlySpan<byte> value)
    {
        output.Append('"');
        foreach (byte c in value) AppendEscaped(output, c);
        output.Append('"');
    }

    /// <summary>Appends one octet as it appears inside quotes: <c>"</c> and <c>\</c> after a backslash,
    /// octets outside 0x20–0x7e as <c>\DDD</c>.</summary>
    public static void AppendEscaped(StringBuilder output, byte c)
    {
        if (c is (byte)'"' or (byte)'\\')
            output.Append('\\').Append((char)c);
        else if (c < 0x20 || c >= 0x7f)
            output.Append('\\').Append(((int)c).ToString("D3", CultureInfo.InvariantCulture));
        else
            output.Append((char)c);
    }

    /// <summary>Appends every length-prefixed string of <paramref name="data"/> quoted, separated by
    /// spaces; false when a length runs past the end or there is no string at all.</summary>
    public static bool TryAppendAllQuoted(StringBuilder output, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return false;
        int offset = 0;
        while (offset < data.Length)
        {
            if (offset > 0) output.Append(' ');
            if (!TryRead(data, ref offset, out var value)) return false;
            AppendQuoted(output, value);
        }
        return true;
    }
}
