using System.Collections.Frozen;
using Meridian.Dns.Records;

namespace Meridian.Dns.Rdata;

/// <summary>The format of each type that has a presentation form of its own. The table is filled by
/// two halves: the RFC 1035-era and DNSSEC types, and the newer or rarer ones.</summary>
public static partial class RdataFormats
{
    private static readonly FrozenDictionary<DnsType, RdataFormat> s_formats = Build();

    private static FrozenDictionary<DnsType, RdataFormat> Build()
    {
        var formats = new Dictionary<DnsType, RdataFormat>
        {
            [DnsType.A] = AddressRdataFormat.IPv4,
            [DnsType.AAAA] = AddressRdataFormat.IPv6,
            [DnsType.NS] = SingleNameRdataFormat.Instance,
            [DnsType.CNAME] = SingleNameRdataFormat.Instance,
            [DnsType.PTR] = SingleNameRdataFormat.Instance,
            [DnsType.DNAME] = SingleNameRdataFormat.Instance,
        };
        AddClassicFormats(formats);
        AddModernFormats(formats);
        return formats.ToFrozenDictionary();
    }

    /// <summary>RFC 1035-era, mail, service and DNSSEC types (RdataFormats.Classic.cs).</summary>
    static partial void AddClassicFormats(Dictionary<DnsType, RdataFormat> formats);

    /// <summary>SVCB/HTTPS, LOC, APL and the newer or rarer types (RdataFormats.Modern.cs).</summary>
    static partial void AddModernFormats(Dictionary<DnsType, RdataFormat> formats);

    /// <summary>The type's format, or null when only the generic form applies.</summary>
    public static RdataFormat? Find(DnsType type) => s_formats.GetValueOrDefault(type);
}
