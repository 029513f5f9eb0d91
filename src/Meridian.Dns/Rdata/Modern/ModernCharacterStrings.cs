using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>Text values in record data as BIND reads and prints them: RFC 1035 escapes (\X and \DDD),
/// quoted output, and the comma-separated lists of SVCB's alpn parameter (RFC 9460 appendix A).</summary>
internal static class ModernCharacterStrings
{
    /// <summary>Longest RFC 1035 &lt;character-string&gt;.</summary>
    public const int MaxStringLength = 255;

    /// <summary>Resolves \X and \DDD escapes of one token into <paramref name="output"/> (no length
    /// octet). A dangling backslash, a short or too large \DDD, or more than
    /// <paramref name="maxLength"/> octets is BIND's "syntax error".</summary>
    public static bool TryUnescape(ReadOnlySpan<byte> token, RdataBuilder output, int maxLength, [NotNullWhen(false)] out string? error) =>
        TryUnescape(token, output, maxLength, out _, out error);

    /// <summary>As above, also giving the number of octets the token stands for (counted even past the
    /// 65,535 octets the builder keeps).</summary>
    public static bool TryUnescape(ReadOnlySpan<byte> token, RdataBuilder output, int maxLength, out int count, [NotNullWhen(false)] out string? error)
    {
        count = 0;
        for (int i = 0; i < token.Length; i++)
        {
            byte c = token[i];
            if (c == (byte)'\\')
            {
                if (!TryReadEscape(token, ref i, out c))
                {
                    error = ModernFields.SyntaxError;
                    return false;
                }
            }
            if (++count > maxLength)
            {
                error = ModernFields.SyntaxError;
                return false;
            }
            output.WriteByte(c);
        }
        error = null;
        return true;
    }

    /// <summary>Appends one length-prefixed &lt;character-string&gt; read from a token.</summary>
    public static bool TryWriteCharacterString(ReadOnlySpan<byte> token, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        int lengthAt = output.Length;
        output.WriteByte(0);
        if (!TryUnescape(token, output, MaxStringLength, out error)) return false;
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)(output.Length - lengthAt - 1));
        return true;
    }

    /// <summary>Reads an alpn value: the token's escapes are resolved first, then the result is split
    /// at commas, where a backslash keeps the next octet literal ("h1\\,h2" is one id "h1,h2").
    /// Each id is written with its length octet; empty ids are refused.</summary>
    public static bool TryWriteCommaList(ReadOnlySpan<byte> token, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        var decoded = new RdataBuilder();
        if (!TryUnescape(token, decoded, RdataBuilder.MaxLength, out error)) return false;
        error = ModernFields.SyntaxError;
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
            if (++elementLength > MaxStringLength) return false;
            output.WriteByte(c);
        }
        if (escaped || elementLength == 0) return false;
        if (!output.Overflowed) output.PatchByte(lengthAt, (byte)elementLength);
        error = null;
        return true;
    }

    /// <summary>Appends octets inside double quotes: '"' and '\' escaped, non-printing octets as \DDD.</summary>
    public static void AppendQuoted(StringBuilder output, ReadOnlySpan<byte> data)
    {
        output.Append('"');
        foreach (byte c in data) AppendEscaped(output, c);
        output.Append('"');
    }

    /// <summary>Appends one alpn id for use inside a quoted list: commas and backslashes get the second
    /// level of escaping the list needs, and a space is written as \032.</summary>
    public static void AppendCommaListElement(StringBuilder output, ReadOnlySpan<byte> data)
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
                    AppendEscaped(output, c);
                    break;
            }
        }
    }

    /// <summary>Appends each length-prefixed string of <paramref name="data"/> quoted, separated by spaces;
    /// false when a length runs past the end or there is no string at all.</summary>
    public static bool TryAppendStrings(StringBuilder output, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return false;
        int i = 0;
        while (i < data.Length)
        {
            int length = data[i];
            if (i + 1 + length > data.Length) return false;
            if (i > 0) output.Append(' ');
            AppendQuoted(output, data.Slice(i + 1, length));
            i += 1 + length;
        }
        return true;
    }

    private static void AppendEscaped(StringBuilder output, byte c)
    {
        if (c == (byte)'"' || c == (byte)'\\')
            output.Append('\\').Append((char)c);
        else if (c < 0x20 || c >= 0x7f)
            output.Append('\\').Append(c.ToString("D3", CultureInfo.InvariantCulture));
        else
            output.Append((char)c);
    }

    /// <summary>Reads the escape starting at the backslash at <paramref name="i"/>; leaves
    /// <paramref name="i"/> on its last character.</summary>
    private static bool TryReadEscape(ReadOnlySpan<byte> token, ref int i, out byte value)
    {
        value = 0;
        if (i + 1 >= token.Length) return false;
        byte next = token[i + 1];
        if (!ModernFields.IsDigit(next))
        {
            value = next;
            i += 1;
            return true;
        }
        if (i + 3 >= token.Length || !ModernFields.IsDigit(token[i + 2]) || !ModernFields.IsDigit(token[i + 3])) return false;
        int number = (next - '0') * 100 + (token[i + 2] - '0') * 10 + (token[i + 3] - '0');
        if (number > 255) return false;
        value = (byte)number;
        i += 3;
        return true;
    }
}
