using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Class mnemonics as BIND's zone loader accepts them: IN, CH/CHAOS, HS/HESIOD, NONE, ANY and
/// CLASSnnn. BIND does not know CS, so in a zone file "CS" is an unknown type, not a class.</summary>
internal static class DnsClassNames
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DnsClass dnsClass)
    {
        dnsClass = default;
        if (text.Length == 2 && (text[0] | 0x20) == 'c' && (text[1] | 0x20) == 's') return false;
        return DnsTypeNames.TryParseClass(text, out dnsClass);
    }
}
