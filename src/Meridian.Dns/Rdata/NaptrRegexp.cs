namespace Meridian.Dns.Rdata;

/// <summary>Checks a NAPTR regexp field (RFC 3403 §4.1: <c>delim ERE delim replacement delim flags</c>) the
/// way BIND does: the delimiter may not be a digit, backslash or <c>i</c>; the ERE must be a valid POSIX
/// extended regular expression; back-references in the replacement must name an existing group; the only
/// flag is <c>i</c>. An empty field is valid.</summary>
internal static class NaptrRegexp
{
    public static bool IsValid(ReadOnlySpan<byte> field)
    {
        if (field.IsEmpty) return true;
        byte delimiter = field[0];
        if (delimiter is 0 or (byte)'\\' or (byte)'i' || RdataTokens.IsDigit(delimiter)) return false;

        int part = 0; // 0: expression, 1: replacement, 2: flags
        int groups = 0;
        for (int i = 1; i < field.Length; i++)
        {
            byte c = field[i];
            if (c == 0) return false;
            if (c == delimiter)
            {
                if (part == 2) return false;
                if (part == 0)
                {
                    groups = ExtendedRegex.CountGroups(field[1..i]);
                    if (groups < 0) return false;
                }
                part++;
                continue;
            }
            if (part == 2)
            {
                if (c != (byte)'i') return false;
                continue;
            }
            if (c != (byte)'\\') continue;
            if (++i >= field.Length || field[i] == 0) return false;
            if (part == 1 && RdataTokens.IsDigit(field[i]) && (field[i] == (byte)'0' || field[i] - '0' > groups)) return false;
        }
        return part == 2;
    }
}
