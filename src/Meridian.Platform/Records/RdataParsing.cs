using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Platform.Records;

/// <summary>Turns record data in presentation form into wire octets with the DNS engine's own parsers, and
/// back into the canonical presentation form that is stored. One record is read as a one-line zone file, so
/// every type the engine reads (and the RFC 3597 <c>\#</c> form) works here exactly as in zone files.</summary>
public static class RdataParsing
{
    /// <summary>Parses <paramref name="text"/> as the data of <paramref name="type"/>; names without a final
    /// dot are relative to <paramref name="origin"/> (the root for API values, which are always absolute).</summary>
    public static bool TryParse(DnsType type, string text, DnsName origin, [NotNullWhen(true)] out byte[]? wire, [NotNullWhen(false)] out string? error)
    {
        wire = null;
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            error = "the value must be on one line";
            return false;
        }
        if (HasUnquotedSemicolon(text))
        {
            error = "';' starts a comment in record data; put the text in double quotes or escape it as \\;";
            return false;
        }
        string line = "@ 1 IN " + DnsTypeNames.ToName(type) + " " + text + "\n";
        var reader = new ZoneFileReader(Encoding.UTF8.GetBytes(line), new ZoneFileReaderOptions { Origin = origin, FileName = "value" });
        if (!reader.TryReadNext(out var record))
        {
            error = reader.Error?.Message ?? "no data";
            return false;
        }
        wire = record.Data;
        error = null;
        return true;
    }

    /// <summary>The canonical presentation form stored in <c>records.data</c> (BIND's, names absolute).</summary>
    public static string Format(DnsType type, ReadOnlySpan<byte> wire) => RdataText.Format(type, wire);

    private static bool HasUnquotedSemicolon(string text)
    {
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) return true;
        }
        return false;
    }
}
