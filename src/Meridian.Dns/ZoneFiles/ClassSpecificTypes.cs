using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Types whose data format BIND defines only for class IN (its <c>rdata/in_1</c> folder). In any
/// other class they are unknown types: written and printed only in the RFC 3597 generic form.</summary>
internal static class ClassSpecificTypes
{
    public static bool RequiresGenericForm(DnsClass dnsClass, DnsType type)
    {
        if (dnsClass == DnsClass.IN) return false;
        // HS A has IN's format; CH A has a format of its own that we do not implement.
        if (dnsClass == DnsClass.HS && type == DnsType.A) return false;
        return type is DnsType.A or DnsType.AAAA or DnsType.WKS or DnsType.A6 or DnsType.KX or DnsType.PX
            or DnsType.NSAP or DnsType.NSAPPTR or DnsType.SRV or DnsType.APL or DnsType.ATMA or DnsType.EID
            or DnsType.NIMLOC or DnsType.DHCID or DnsType.IPSECKEY or DnsType.SVCB or DnsType.HTTPS;
    }

    /// <summary>Types BIND refuses in zone files as meta types: 0, OPT and the 128-255 range.</summary>
    public static bool IsMeta(DnsType type) => type == DnsType.None || type == DnsType.OPT || ((ushort)type >= 128 && (ushort)type <= 255);
}
