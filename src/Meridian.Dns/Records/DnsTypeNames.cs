using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Meridian.Dns.Records;

/// <summary>Mnemonics for types and classes, as BIND prints them, with the RFC 3597 TYPEnnn / CLASSnnn forms.</summary>
public static class DnsTypeNames
{
    private static readonly FrozenDictionary<ushort, string> s_typeNames = BuildTypeNames();
    private static readonly FrozenDictionary<string, ushort> s_typesByName =
        s_typeNames.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<ushort, string> BuildTypeNames()
    {
        var names = new Dictionary<ushort, string>();
        foreach (DnsType type in Enum.GetValues<DnsType>())
        {
            if (type == DnsType.None) continue;
            names[(ushort)type] = type == DnsType.NSAPPTR ? "NSAP-PTR" : type.ToString();
        }
        return names.ToFrozenDictionary();
    }

    /// <summary>The mnemonic ("MX"), or "TYPE65534" for a type with no name.</summary>
    public static string ToName(DnsType type) =>
        s_typeNames.TryGetValue((ushort)type, out var name) ? name : "TYPE" + ((ushort)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a mnemonic or TYPEnnn (case-insensitive).</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DnsType type)
    {
        type = DnsType.None;
        if (text.Length == 0 || text.Length > 16) return false;
        if (text.Length > 4 && Ascii.EqualsIgnoreCase(text[..4], "TYPE"u8) && TryParseNumber(text[4..], out ushort number))
        {
            type = (DnsType)number;
            return true;
        }
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++) chars[i] = (char)text[i];
        var lookup = s_typesByName.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out ushort value))
        {
            type = (DnsType)value;
            return true;
        }
        return false;
    }

    public static bool TryParse(string text, out DnsType type) => TryParse(Encoding.Latin1.GetBytes(text), out type);

    /// <summary>The class mnemonic ("IN"), or "CLASS10".</summary>
    public static string ToName(DnsClass dnsClass) => dnsClass switch
    {
        DnsClass.IN => "IN",
        DnsClass.CH => "CH",
        DnsClass.HS => "HS",
        DnsClass.NONE => "NONE",
        DnsClass.ANY => "ANY",
        _ => "CLASS" + ((ushort)dnsClass).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Reads a class mnemonic or CLASSnnn (case-insensitive).</summary>
    public static bool TryParseClass(ReadOnlySpan<byte> text, out DnsClass dnsClass)
    {
        dnsClass = default;
        if (Ascii.EqualsIgnoreCase(text, "IN"u8)) dnsClass = DnsClass.IN;
        else if (Ascii.EqualsIgnoreCase(text, "CH"u8) || Ascii.EqualsIgnoreCase(text, "CHAOS"u8)) dnsClass = DnsClass.CH;
        else if (Ascii.EqualsIgnoreCase(text, "HS"u8) || Ascii.EqualsIgnoreCase(text, "HESIOD"u8)) dnsClass = DnsClass.HS;
        else if (Ascii.EqualsIgnoreCase(text, "CS"u8)) dnsClass = DnsClass.CS;
        else if (Ascii.EqualsIgnoreCase(text, "NONE"u8)) dnsClass = DnsClass.NONE;
        else if (Ascii.EqualsIgnoreCase(text, "ANY"u8)) dnsClass = DnsClass.ANY;
        else if (text.Length > 5 && Ascii.EqualsIgnoreCase(text[..5], "CLASS"u8) && TryParseNumber(text[5..], out ushort number))
            dnsClass = (DnsClass)number;
        else return false;
        return true;
    }

    private static bool TryParseNumber(ReadOnlySpan<byte> digits, out ushort value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 5) return false;
        uint v = 0;
        foreach (byte d in digits)
        {
            if ((uint)(d - '0') > 9) return false;
            v = v * 10 + (uint)(d - '0');
        }
        if (v > ushort.MaxValue) return false;
        value = (ushort)v;
        return true;
    }
}
