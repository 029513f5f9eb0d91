using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Text;

namespace Meridian.Dns.Tests.Rdata;

/// <summary>Drives the rdata formats from one line of presentation text, standing in for the zone-file
/// lexer: tokens are split at white space, a double-quoted run is one quoted token, and a backslash keeps
/// the next character in the token (escapes are passed on as written).</summary>
internal static class RdataLine
{
    public static DnsName Origin { get; } = DnsName.Parse("example.");

    public static (byte[] Source, TextToken[] Tokens) Tokenize(string line)
    {
        byte[] source = Encoding.Latin1.GetBytes(line);
        var tokens = new List<TextToken>();
        int i = 0;
        while (i < source.Length)
        {
            if (source[i] is (byte)' ' or (byte)'\t')
            {
                i++;
                continue;
            }
            bool quoted = source[i] == (byte)'"';
            int start = quoted ? i + 1 : i;
            int j = start;
            while (j < source.Length)
            {
                byte c = source[j];
                if (c == (byte)'\\' && j + 1 < source.Length)
                {
                    j += 2;
                    continue;
                }
                if (quoted ? c == (byte)'"' : c is (byte)' ' or (byte)'\t') break;
                j++;
            }
            if (quoted && j >= source.Length) throw new FormatException("unbalanced quotes");
            tokens.Add(new TextToken(start, j - start, quoted, 1, start + 1));
            i = quoted ? j + 1 : j;
        }
        return (source, tokens.ToArray());
    }

    /// <summary>Parses rdata text of a type (own or generic form); reports leftover tokens as BIND does.</summary>
    public static bool TryParse(DnsType type, string line, out byte[] wire, out string? error)
    {
        var (source, tokens) = Tokenize(line);
        var reader = new RdataTextReader(source, tokens, Origin);
        var builder = new RdataBuilder();
        wire = [];
        if (!RdataText.TryParse(type, ref reader, builder, out error)) return false;
        if (reader.HasMore)
        {
            error = "extra input text";
            return false;
        }
        wire = builder.ToArray();
        return true;
    }

    public static byte[] Parse(DnsType type, string line)
    {
        Assert.True(TryParse(type, line, out var wire, out var error), $"{type} {line}: {error}");
        return wire;
    }

    /// <summary>The type's own presentation; fails the test when the format refuses the data.</summary>
    public static string Format(DnsType type, byte[] wire)
    {
        var format = RdataFormats.Find(type);
        Assert.NotNull(format);
        var output = new StringBuilder();
        Assert.True(format.TryFormat(wire, output), $"{type} refused {Convert.ToHexString(wire)}");
        return output.ToString();
    }

    public static string RoundTrip(DnsType type, string line) => Format(type, Parse(type, line));

    /// <summary>White space removed, the way outputs are compared with <c>diff -w</c>.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
