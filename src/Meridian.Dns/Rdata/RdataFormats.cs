using System.Collections.Frozen;
using Meridian.Dns.Records;

namespace Meridian.Dns.Rdata;

/// <summary>The format of each type that has a presentation form of its own.</summary>
public static class RdataFormats
{
    private static readonly FrozenDictionary<DnsType, RdataFormat> s_formats = new Dictionary<DnsType, RdataFormat>
    {
        [DnsType.A] = AddressRdataFormat.IPv4,
        [DnsType.AAAA] = AddressRdataFormat.IPv6,
        [DnsType.NS] = SingleNameRdataFormat.Instance,
        [DnsType.CNAME] = SingleNameRdataFormat.Instance,
        [DnsType.PTR] = SingleNameRdataFormat.Instance,
        [DnsType.DNAME] = SingleNameRdataFormat.Instance,
    }.ToFrozenDictionary();

    /// <summary>The type's format, or null when only the generic form applies.</summary>
    public static RdataFormat? Find(DnsType type) => s_formats.GetValueOrDefault(type);
}
