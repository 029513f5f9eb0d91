using System.Diagnostics.CodeAnalysis;
using Meridian.Dns.Names;
using Meridian.Dns.Text;

namespace Meridian.Dns.Rdata.Modern;

/// <summary>Reads single rdata fields the way BIND's master-file lexer hands them to a type, with
/// BIND's error texts, so a refused record reads the same as named-compilezone's message.</summary>
internal static class ModernFields
{
    // BIND's wording lives in RdataErrors; the names here are kept for the modern types' code.
    public const string UnexpectedEnd = RdataErrors.UnexpectedEnd;
    public const string UnexpectedToken = RdataErrors.UnexpectedToken;
    public const string NotANumber = RdataErrors.BadNumber;
    public const string OutOfRange = RdataErrors.OutOfRange;
    public const string SyntaxError = RdataErrors.Syntax;
    public const string BadBase64 = RdataErrors.BadBase64;
    public const string BadHex = RdataErrors.BadHex;
    public const string BadDottedQuad = RdataErrors.BadDottedQuad;
    public const string BadIPv6 = "bad IPv6 address";
    public const string NotImplemented = "not implemented";
    public const string FormatError = RdataErrors.FormatError;
    public const string NoSpace = "ran out of space";

    /// <summary>A number field: BIND's lexer takes only unquoted decimal digits (no sign) and values
    /// that fit 32 bits; the type then checks its own maximum.</summary>
    public static bool TryReadNumber(ref RdataTextReader text, uint max, out uint value, [NotNullWhen(false)] out string? error)
    {
        value = 0;
        if (!text.TryRead(out var token, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (quoted || !IsDigits(token))
        {
            error = NotANumber;
            return false;
        }
        if (!TryParseDecimal(token, out ulong wide) || wide > uint.MaxValue || wide > max)
        {
            error = OutOfRange;
            return false;
        }
        value = (uint)wide;
        error = null;
        return true;
    }

    /// <summary>A string field: BIND refuses a quoted token where the type reads a plain string.</summary>
    public static bool TryReadString(ref RdataTextReader text, out ReadOnlySpan<byte> token, [NotNullWhen(false)] out string? error)
    {
        if (!text.TryRead(out token, out bool quoted))
        {
            error = UnexpectedEnd;
            return false;
        }
        if (quoted)
        {
            error = UnexpectedToken;
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>A domain name field (unquoted), relative to the reader's origin.</summary>
    public static bool TryReadName(ref RdataTextReader text, RdataBuilder output, [NotNullWhen(false)] out string? error)
    {
        if (!TryReadString(ref text, out var token, out error)) return false;
        if (!DnsName.TryParse(token, text.Origin, out var name, out error)) return false;
        output.WriteName(name);
        return true;
    }

    /// <summary>Ends a parse: data past 65,535 octets is BIND's "ran out of space".</summary>
    public static bool CheckSpace(RdataBuilder output, bool parsed, ref string? error)
    {
        if (!parsed) return false;
        if (!output.Overflowed) return true;
        error = NoSpace;
        return false;
    }

    public static bool IsDigits(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        foreach (byte c in text)
        {
            if (!IsDigit(c)) return false;
        }
        return true;
    }

    public static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    /// <summary>Decimal digits to a value, saturating at <see cref="ulong.MaxValue"/> like C's strtoul.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> digits, out ulong value)
    {
        value = 0;
        if (!IsDigits(digits)) return false;
        foreach (byte d in digits)
        {
            uint digit = (uint)(d - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                value = ulong.MaxValue;
                return true;
            }
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>C's strtoul(s, &amp;end, 10) on a token without white space: an optional sign, then
    /// digits; "-n" wraps to a huge value; overflow saturates. Returns how many octets were used
    /// (0 when there were no digits).</summary>
    public static int StrToUL(ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }
        int start = i;
        bool overflow = false;
        while (i < text.Length && IsDigit(text[i]))
        {
            uint digit = (uint)(text[i] - '0');
            if (overflow || value > (ulong.MaxValue - digit) / 10) overflow = true;
            else value = value * 10 + digit;
            i++;
        }
        if (i == start)
        {
            value = 0;
            return 0;
        }
        if (overflow) value = ulong.MaxValue;
        else if (negative) value = unchecked(0UL - value);
        return i;
    }
}
