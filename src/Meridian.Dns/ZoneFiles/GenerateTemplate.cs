using System.Globalization;

namespace Meridian.Dns.ZoneFiles;

/// <summary>BIND's <c>$GENERATE</c> text rules: the range <c>start-stop[/step]</c> and the owner / data
/// templates, where <c>$</c> is the iterator, <c>${offset[,width[,base]]}</c> formats it (base d, o, x, X,
/// or n / N for reversed nibble labels), <c>$$</c> is a literal dollar and <c>\x</c> passes through
/// unchanged. Parsing mirrors BIND's sscanf formats, quirks included (e.g. text after the range is ignored).</summary>
internal static class GenerateTemplate
{
    /// <summary>Longest owner template expansion BIND accepts (DNS_MASTER_LHS).</summary>
    public const int MaxOwnerLength = 2048;

    /// <summary>Longest data template expansion BIND accepts (DNS_MASTER_RHS).</summary>
    public const int MaxDataLength = 65512;

    private const string Digits = "0123456789abcdef0123456789ABCDEF";

    /// <summary>Reads <c>%d-%d%1[/]%d</c>; false where BIND reports "invalid range".</summary>
    public static bool TryParseRange(ReadOnlySpan<byte> text, out int start, out int stop, out int step)
    {
        start = stop = 0;
        step = 1;
        int i = 0;
        int conversions = 0;
        if (ScanInt(text, ref i, out start))
        {
            conversions++;
            if (i < text.Length && text[i] == (byte)'-')
            {
                i++;
                if (ScanInt(text, ref i, out stop))
                {
                    conversions++;
                    if (i < text.Length && text[i] == (byte)'/')
                    {
                        i++;
                        conversions++;
                        if (ScanInt(text, ref i, out step)) conversions++;
                    }
                }
            }
        }
        if (conversions == 2) step = 1;
        return (conversions == 2 || conversions == 4) && start >= 0 && stop >= 0 && step >= 1 && stop >= start;
    }

    /// <summary>Expands <paramref name="template"/> for one iteration into <paramref name="output"/>.
    /// Returns null, or BIND's error text ("syntax error", "ran out of space", "out of range").</summary>
    public static string? Expand(ReadOnlySpan<byte> template, int iteration, Span<byte> output, out int written)
    {
        written = 0;
        // BIND keeps one octet for the terminating NUL.
        int limit = output.Length - 1;
        Span<byte> number = stackalloc byte[128];
        // BIND keeps the offset of one ${offset} for the plain $ signs after it in the same template.
        int delta = 0;
        int i = 0;
        while (i < template.Length)
        {
            byte c = template[i];
            if (c == (byte)'$')
            {
                i++;
                if (i < template.Length && template[i] == (byte)'$')
                {
                    if (written >= limit) return "ran out of space";
                    output[written++] = (byte)'$';
                    i++;
                    continue;
                }
                uint width = 0;
                byte mode = (byte)'d';
                if (i < template.Length && template[i] == (byte)'{')
                {
                    if (!TryReadModifier(template[i..], out delta, out width, out mode)) return "syntax error";
                    int close = template[i..].IndexOf((byte)'}');
                    i = close < 0 ? template.Length : i + close + 1;
                }
                if (iteration > 0 && delta > int.MaxValue - iteration) return "out of range";
                int length = FormatNumber(iteration + delta, width, mode, number);
                if (length >= number.Length) return "ran out of space";
                if (written + length > limit) return "ran out of space";
                number[..length].CopyTo(output[written..]);
                written += length;
            }
            else if (c == (byte)'\\')
            {
                // The escape and the escaped octet pass through for the name or data parser.
                if (written >= limit) return "ran out of space";
                output[written++] = c;
                i++;
                if (i >= template.Length) continue;
                if (written >= limit) return "ran out of space";
                output[written++] = template[i++];
            }
            else
            {
                if (written >= limit) return "ran out of space";
                output[written++] = c;
                i++;
            }
        }
        return null;
    }

    /// <summary>Reads <c>{%d%1[,}]%u%1[,}]%1[doxXnN]%1[}]</c> and checks the combinations BIND accepts.
    /// Mode 'd' with width 0 stands for a plain "%d".</summary>
    private static bool TryReadModifier(ReadOnlySpan<byte> text, out int delta, out uint width, out byte mode)
    {
        width = 0;
        mode = (byte)'d';
        int i = 1; // past '{'
        if (!ScanInt(text, ref i, out delta)) return false;
        if (i >= text.Length || (text[i] != (byte)',' && text[i] != (byte)'}')) return false;
        byte comma1 = text[i++];
        if (comma1 == (byte)'}') return true;
        if (!ScanUnsigned(text, ref i, out width)) return false;
        if (i >= text.Length || (text[i] != (byte)',' && text[i] != (byte)'}')) return false;
        byte comma2 = text[i++];
        if (comma2 == (byte)'}') return true;
        if (i >= text.Length || "doxXnN"u8.IndexOf(text[i]) < 0) return false;
        mode = text[i++];
        return i < text.Length && text[i] == (byte)'}';
    }

    /// <summary>printf("%0{width}{mode}") of the value, or BIND's nibble labels for modes n and N.
    /// Returns the full length even when it does not fit, like snprintf.</summary>
    private static int FormatNumber(int value, uint width, byte mode, Span<byte> output)
    {
        if (mode is (byte)'n' or (byte)'N') return FormatNibbles((uint)value, width, mode == (byte)'N', output);
        string digits = mode switch
        {
            (byte)'o' => Convert.ToString((long)(uint)value, 8),
            (byte)'x' => ((uint)value).ToString("x", CultureInfo.InvariantCulture),
            (byte)'X' => ((uint)value).ToString("X", CultureInfo.InvariantCulture),
            _ => value < 0 ? ((long)value * -1).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture),
        };
        bool negative = mode == (byte)'d' && value < 0;
        long total = Math.Max(width, digits.Length + (negative ? 1 : 0));
        if (total >= output.Length) return (int)Math.Min(total, int.MaxValue);
        int n = 0;
        if (negative) output[n++] = (byte)'-';
        for (long pad = total - digits.Length - n; pad > 0; pad--) output[n++] = (byte)'0';
        foreach (char d in digits) output[n++] = (byte)d;
        return n;
    }

    private static int FormatNibbles(uint value, uint width, bool upper, Span<byte> output)
    {
        int count = 0;
        int offset = upper ? 16 : 0;
        do
        {
            if (count >= output.Length) return count;
            output[count++] = (byte)Digits[(int)(value & 0x0f) + offset];
            value >>= 4;
            if (width > 0) width--;
            if (width > 0 || value != 0)
            {
                if (count >= output.Length) return count;
                output[count++] = (byte)'.';
                if (width > 0) width--;
            }
        }
        while (value != 0 || width > 0);
        return count;
    }

    /// <summary>scanf "%d": optional white space and sign, at least one digit; the value is truncated to
    /// 32 bits as glibc does.</summary>
    private static bool ScanInt(ReadOnlySpan<byte> text, ref int i, out int value)
    {
        value = 0;
        if (!ScanMagnitude(text, ref i, out ulong magnitude, out bool negative)) return false;
        long signed = magnitude > long.MaxValue ? (negative ? long.MinValue : long.MaxValue) : (negative ? -(long)magnitude : (long)magnitude);
        value = unchecked((int)signed);
        return true;
    }

    /// <summary>scanf "%u" (strtoul: a minus sign negates).</summary>
    private static bool ScanUnsigned(ReadOnlySpan<byte> text, ref int i, out uint value)
    {
        value = 0;
        if (!ScanMagnitude(text, ref i, out ulong magnitude, out bool negative)) return false;
        value = unchecked((uint)(negative ? 0 - magnitude : magnitude));
        return true;
    }

    private static bool ScanMagnitude(ReadOnlySpan<byte> text, ref int i, out ulong magnitude, out bool negative)
    {
        magnitude = 0;
        negative = false;
        int j = i;
        while (j < text.Length && text[j] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r') j++;
        if (j < text.Length && (text[j] == (byte)'+' || text[j] == (byte)'-')) negative = text[j++] == (byte)'-';
        int digitsStart = j;
        while (j < text.Length && (uint)(text[j] - '0') <= 9)
        {
            ulong next = magnitude * 10 + (uint)(text[j] - '0');
            magnitude = next < magnitude || magnitude > ulong.MaxValue / 10 ? ulong.MaxValue : next;
            j++;
        }
        if (j == digitsStart) return false;
        i = j;
        return true;
    }
}
