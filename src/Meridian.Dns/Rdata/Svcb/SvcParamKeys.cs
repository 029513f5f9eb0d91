using System.Globalization;
using System.Text;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>SvcParamKeys of RFC 9460 (and RFC 9461's dohpath) that BIND 9.18 knows by name.</summary>
public static class SvcParamKeys
{
    public const ushort Mandatory = 0;
    public const ushort Alpn = 1;
    public const ushort NoDefaultAlpn = 2;
    public const ushort Port = 3;
    public const ushort Ipv4Hint = 4;
    public const ushort Ech = 5;
    public const ushort Ipv6Hint = 6;
    public const ushort DohPath = 7;

    /// <summary>The name BIND prints: the RFC 9460 names for keys 0–6, "keyNNNNN" otherwise. BIND reads
    /// "dohpath" but prints it as "key7".</summary>
    public static string ToName(ushort key) => key <= Ipv6Hint
        ? s_known[key].Name
        : "key" + key.ToString(CultureInfo.InvariantCulture);

    internal static void AppendName(StringBuilder output, ushort key)
    {
        if (key <= Ipv6Hint) output.Append(s_known[key].Name);
        else output.Append("key").Append(key.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>BIND's table of named keys, in the order BIND tries them.</summary>
    internal static ReadOnlySpan<SvcParamDefinition> Known => s_known;

    private static readonly SvcParamDefinition[] s_known =
    [
        new("mandatory"u8.ToArray(), "mandatory", Mandatory, SvcParamEncoding.KeyList),
        new("alpn"u8.ToArray(), "alpn", Alpn, SvcParamEncoding.Alpn),
        new("no-default-alpn"u8.ToArray(), "no-default-alpn", NoDefaultAlpn, SvcParamEncoding.Empty),
        new("port"u8.ToArray(), "port", Port, SvcParamEncoding.Port),
        new("ipv4hint"u8.ToArray(), "ipv4hint", Ipv4Hint, SvcParamEncoding.IPv4List),
        new("ech"u8.ToArray(), "ech", Ech, SvcParamEncoding.Base64),
        new("ipv6hint"u8.ToArray(), "ipv6hint", Ipv6Hint, SvcParamEncoding.IPv6List),
        new("dohpath"u8.ToArray(), "dohpath", DohPath, SvcParamEncoding.DohPath),
    ];

    /// <summary>How a key's value is written in presentation form; keys without a name are text.</summary>
    internal static SvcParamEncoding EncodingOf(ushort key) => key <= DohPath ? s_known[key].Encoding : SvcParamEncoding.Text;

    /// <summary>How the value prints: dohpath is read by name but printed as generic text, like BIND.</summary>
    internal static SvcParamEncoding PrintEncodingOf(ushort key) => key <= Ipv6Hint ? s_known[key].Encoding : SvcParamEncoding.Text;
}

/// <summary>The value syntaxes of SvcParams.</summary>
internal enum SvcParamEncoding
{
    Text,
    Port,
    IPv4List,
    IPv6List,
    Base64,
    Empty,
    Alpn,
    KeyList,
    DohPath,
}

/// <summary>One named SvcParamKey: its ASCII name, number and value syntax.</summary>
internal readonly record struct SvcParamDefinition(byte[] Ascii, string Name, ushort Key, SvcParamEncoding Encoding);
