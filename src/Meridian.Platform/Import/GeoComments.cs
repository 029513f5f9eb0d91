using System.Text;

namespace Meridian.Platform.Import;

/// <summary>How an exported zone file carries GeoDNS targets, which RFC 1035 has no field for, so that the
/// file still loads in BIND and Meridian's import gives the targeting back:
/// <list type="bullet">
/// <item>a record answered in some locations only ends its line with <c>; meridian: country_codes=US,CA</c>
/// (other readers take the record and skip the comment);</item>
/// <item>a variant a zone file cannot hold beside the others (a second CNAME at a name, or any variant of a
/// set that has an answered-everywhere record) is a whole comment line,
/// <c>; meridian: country_codes=EU www 300 IN CNAME eu.example.net.</c>, which other readers skip and
/// the import reads as the record after the codes.</item>
/// </list></summary>
internal static class GeoComments
{
    private static readonly byte[] s_marker = "meridian:"u8.ToArray();
    private static readonly byte[] s_field = "country_codes="u8.ToArray();

    /// <summary>The comment for a record with these (normalized) codes.</summary>
    public static string For(IReadOnlyList<string> countryCodes) => "meridian: country_codes=" + string.Join(',', countryCodes);

    /// <summary>The file with every commented-out variant turned back into its record line (line numbers
    /// kept), and the codes of each line that carries them, by 1-based line number.</summary>
    public static byte[] Uncover(byte[] source, out Dictionary<int, string[]> codesByLine)
    {
        codesByLine = [];
        if (source.AsSpan().IndexOf(s_marker) < 0) return source;
        var output = new List<byte>(source.Length);
        int start = 0, line = 1;
        while (start < source.Length)
        {
            int end = source.AsSpan(start).IndexOf((byte)'\n');
            int stop = end < 0 ? source.Length : start + end;
            var text = source.AsSpan(start, stop - start);
            int comment = FindComment(text);
            if (comment >= 0 && TryReadCodes(text[(comment + 1)..], out var codes, out int after))
            {
                var rest = text[(comment + 1 + after)..].Trim(" \t\r"u8);
                bool wholeLine = text[..comment].Trim(" \t"u8).IsEmpty;
                if (wholeLine && !rest.IsEmpty)
                {
                    output.AddRange(rest);
                    codesByLine[line] = codes;
                }
                else
                {
                    output.AddRange(text);
                    if (!wholeLine) codesByLine[line] = codes;
                }
            }
            else output.AddRange(text);
            if (end >= 0) output.Add((byte)'\n');
            start = stop + 1;
            line++;
        }
        return [.. output];
    }

    /// <summary>The first <c>;</c> outside a quoted string, or -1.</summary>
    private static int FindComment(ReadOnlySpan<byte> line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            switch (line[i])
            {
                case (byte)'\\': i++; break;
                case (byte)'"': quoted = !quoted; break;
                case (byte)';' when !quoted: return i;
            }
        }
        return -1;
    }

    /// <summary>Reads <c>meridian: country_codes=A,B</c> at the start of a comment; <paramref name="after"/> is
    /// where the codes end.</summary>
    private static bool TryReadCodes(ReadOnlySpan<byte> comment, out string[] codes, out int after)
    {
        codes = [];
        after = 0;
        int i = Skip(comment, 0);
        if (!comment[i..].StartsWith(s_marker)) return false;
        i = Skip(comment, i + s_marker.Length);
        if (!comment[i..].StartsWith(s_field)) return false;
        i += s_field.Length;
        int end = i;
        while (end < comment.Length && comment[end] is not ((byte)' ' or (byte)'\t' or (byte)'\r')) end++;
        codes = Encoding.UTF8.GetString(comment[i..end]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        after = end;
        return true;
    }

    private static int Skip(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t') i++;
        return i;
    }
}
