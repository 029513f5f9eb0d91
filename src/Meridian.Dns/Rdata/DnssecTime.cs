using System.Globalization;
using System.Text;
using static Meridian.Dns.Rdata.RdataErrors;

namespace Meridian.Dns.Rdata;

/// <summary>RRSIG and SIG time stamps (RFC 4034 §3.2): 32-bit seconds since 1970 read either as
/// <c>YYYYMMDDHHmmSS</c> (UTC) or as plain seconds, and printed as <c>YYYYMMDDHHmmSS</c> using serial-number
/// arithmetic around the current time, as BIND does (so a value more than 68 years away wraps).</summary>
public static class DnssecTime
{
    /// <summary>Parses a time stamp. With <paramref name="allowSeconds"/> (RRSIG; SIG has only dates), up to
    /// ten characters are a decimal number of seconds. Otherwise it must be exactly fourteen digits of a
    /// valid date (seconds may be 60). Dates outside 1970–2106 wrap modulo 2^32, as in BIND.</summary>
    public static bool TryParse(ReadOnlySpan<byte> token, out uint value, out string? error, bool allowSeconds = true)
    {
        value = 0;
        if (allowSeconds && token.Length <= 10 && !token.IsEmpty && token[0] != (byte)'+' && token[0] != (byte)'-')
        {
            if (!RdataTokens.TryParseDecimal(token, out ulong seconds))
            {
                error = Syntax;
                return false;
            }
            if (seconds > uint.MaxValue)
            {
                error = OutOfRange;
                return false;
            }
            value = (uint)seconds;
            error = null;
            return true;
        }
        if (token.Length != 14)
        {
            error = Syntax;
            return false;
        }
        foreach (byte c in token)
        {
            if (!RdataTokens.IsDigit(c))
            {
                error = Syntax;
                return false;
            }
        }
        int year = Digits(token, 0, 4), month = Digits(token, 4, 2), day = Digits(token, 6, 2);
        int hour = Digits(token, 8, 2), minute = Digits(token, 10, 2), second = Digits(token, 12, 2);
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            error = OutOfRange;
            return false;
        }
        long unix = DaysFromCivil(year, month, day) * 86400L + hour * 3600L + minute * 60L + second;
        value = unchecked((uint)unix);
        error = null;
        return true;
    }

    /// <summary>Appends <c>YYYYMMDDHHmmSS</c> for the time nearest the current one that has this 32-bit value.</summary>
    public static void Append(StringBuilder output, uint value) =>
        Append(output, value, DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>As <see cref="Append(StringBuilder, uint)"/>, relative to the given current time.</summary>
    public static void Append(StringBuilder output, uint value, long nowUnixSeconds)
    {
        uint now = unchecked((uint)nowUnixSeconds);
        long seconds = nowUnixSeconds + unchecked((int)(value - now));
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        output.Append(time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
    }

    private static int Digits(ReadOnlySpan<byte> token, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++) value = value * 10 + (token[i] - '0');
        return value;
    }

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days from 1970-01-01 in the proleptic Gregorian calendar, for any year from 0 (H. Hinnant's
    /// days_from_civil).</summary>
    private static long DaysFromCivil(int year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        long era = (year >= 0 ? year : year - 399) / 400;
        long yearOfEra = year - era * 400;
        long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }
}
