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
        error = CheckSingleLine(text);
        if (error is not null) return false;
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

    /// <summary>Parses data read back from <c>records.data</c>, which was validated and written in canonical form: the
    /// addresses that make up most of a host's records skip the one-line zone file (a starting server reads a million
    /// of them); anything else, or an address not in the plain canonical form, goes through <see cref="TryParse"/>.</summary>
    public static bool TryParseStored(DnsType type, string text, [NotNullWhen(true)] out byte[]? wire)
    {
        if (type == DnsType.A && TryParseDottedQuad(text, out wire)) return true;
        if ((type == DnsType.CNAME || type == DnsType.NS || type == DnsType.PTR) && IsPlainAbsoluteName(text))
        {
            wire = DnsName.Parse(text).Wire.ToArray();
            return true;
        }
        if (type == DnsType.MX && text.IndexOf(' ') is > 0 and var space && ushort.TryParse(text.AsSpan(0, space), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out ushort preference) && IsPlainAbsoluteName(text.AsSpan(space + 1)))
        {
            var exchange = DnsName.Parse(text[(space + 1)..]).Wire;
            wire = new byte[2 + exchange.Length];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(wire, preference);
            exchange.CopyTo(wire.AsSpan(2));
            return true;
        }
        if (type == DnsType.AAAA && IsHexAndColons(text) && System.Net.IPAddress.TryParse(text, out var address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            wire = address.GetAddressBytes();
            return true;
        }
        return TryParse(type, text, DnsName.Root, out wire, out _);
    }

    /// <summary>Four decimal octets without leading zeros, the form <see cref="Format"/> writes.</summary>
    private static bool TryParseDottedQuad(string text, [NotNullWhen(true)] out byte[]? wire)
    {
        wire = null;
        var octets = new byte[4];
        int index = 0;
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0 && (index >= text.Length || text[index++] != '.')) return false;
            int start = index, value = 0;
            while (index < text.Length && char.IsAsciiDigit(text[index]) && index - start < 3) value = value * 10 + text[index++] - '0';
            int digits = index - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return false;
            octets[octet] = (byte)value;
        }
        if (index != text.Length) return false;
        wire = octets;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> s_plainNameCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.*");

    /// <summary>Letters, digits, '-', '_' and '*' in labels of 1 to 63 characters, ending with the root's dot: no escapes,
    /// so every parser reads it alike.</summary>
    private static bool IsPlainAbsoluteName(ReadOnlySpan<char> text)
    {
        if (text.Length is < 2 or > 254 || text[^1] != '.' || text.ContainsAnyExcept(s_plainNameCharacters)) return false;
        foreach (var label in text[..^1].Split('.'))
            if (label.End.Value - label.Start.Value is < 1 or > 63) return false;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> s_hexAndColon = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF:");

    private static bool IsHexAndColons(string text) => text.Length is > 1 and <= 39 && !text.AsSpan().ContainsAnyExcept(s_hexAndColon);

    /// <summary>The canonical presentation form stored in <c>records.data</c> (BIND's, names absolute).</summary>
    public static string Format(DnsType type, ReadOnlySpan<byte> wire) => RdataText.Format(type, wire);

    /// <summary>Null when <paramref name="text"/> is one line with no comment in it: a newline would start
    /// another record and an unquoted ';' would silently drop the rest.</summary>
    public static string? CheckSingleLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r') >= 0) return "the value must be on one line";
        if (HasUnquotedSemicolon(text)) return "';' starts a comment in record data; put the text in double quotes or escape it as \\;";
        return null;
    }

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
