using System.Text;
using Meridian.Dns.Text;

namespace Meridian.Dns.Tests.RdataModern;

/// <summary>Test-only stand-in for the zone-file lexer, for rdata written on one line: tokens are split
/// at white space; "…" is one quoted token (quotes removed, escapes kept); ';' starts a comment;
/// '(' and ')' only separate. A quote right after '=' (key="a b") stays inside the token, quotes
/// and all, which is how SVCB parameters reach the rdata reader.</summary>
internal static class OneLineTokenizer
{
    public static (byte[] Source, TextToken[] Tokens) Tokenize(string line)
    {
        byte[] source = Encoding.Latin1.GetBytes(line);
        var tokens = new List<TextToken>();
        int i = 0;
        while (i < source.Length)
        {
            byte c = source[i];
            if (c is (byte)' ' or (byte)'\t' or (byte)'(' or (byte)')') { i++; continue; }
            if (c == (byte)';') break;
            if (c == (byte)'"')
            {
                int start = ++i;
                i = SkipQuoted(source, i);
                tokens.Add(new TextToken(start, i - start, Quoted: true, Line: 1, Column: start));
                i++;
                continue;
            }
            int begin = i;
            while (i < source.Length)
            {
                c = source[i];
                if (c == (byte)'\\') { i += 2; continue; }
                if (c is (byte)' ' or (byte)'\t' or (byte)'(' or (byte)')' or (byte)';') break;
                if (c == (byte)'"')
                {
                    if (i == begin || source[i - 1] != (byte)'=') break;
                    i = SkipQuoted(source, i + 1) + 1;
                    continue;
                }
                i++;
            }
            i = Math.Min(i, source.Length);
            tokens.Add(new TextToken(begin, i - begin, Quoted: false, Line: 1, Column: begin + 1));
        }
        return (source, tokens.ToArray());
    }

    /// <summary>Index of the closing quote of a string whose content starts at <paramref name="i"/>.</summary>
    private static int SkipQuoted(byte[] source, int i)
    {
        while (i < source.Length && source[i] != (byte)'"') i += source[i] == (byte)'\\' ? 2 : 1;
        return Math.Min(i, source.Length);
    }
}
