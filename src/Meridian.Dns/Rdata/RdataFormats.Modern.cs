using Meridian.Dns.Rdata.Modern;
using Meridian.Dns.Rdata.Svcb;
using Meridian.Dns.Records;

namespace Meridian.Dns.Rdata;

public static partial class RdataFormats
{
    /// <summary>Types BIND 9.18 prints by name that are not in the classic half. TKEY and TSIG are meta
    /// types BIND refuses in zone files, so they stay unregistered (generic form only).</summary>
    static partial void AddModernFormats(Dictionary<DnsType, RdataFormat> formats)
    {
        formats[DnsType.SVCB] = SvcbRdataFormat.Instance;
        formats[DnsType.HTTPS] = SvcbRdataFormat.Instance;
        formats[DnsType.LOC] = LocRdataFormat.Instance;
        formats[DnsType.APL] = AplRdataFormat.Instance;
        formats[DnsType.IPSECKEY] = IpsecKeyRdataFormat.Instance;
        formats[DnsType.HIP] = HipRdataFormat.Instance;
        formats[DnsType.A6] = A6RdataFormat.Instance;
        formats[DnsType.AMTRELAY] = AmtRelayRdataFormat.Instance;
        formats[DnsType.ATMA] = AtmaRdataFormat.Instance;
        formats[DnsType.NID] = LocatorRdataFormat.Nid;
        formats[DnsType.L64] = LocatorRdataFormat.L64;
        formats[DnsType.L32] = LocatorRdataFormat.L32;
        formats[DnsType.LP] = PreferenceNameRdataFormat.Instance;
        formats[DnsType.EUI48] = EuiRdataFormat.Eui48;
        formats[DnsType.EUI64] = EuiRdataFormat.Eui64;
        formats[DnsType.TALINK] = NamePairRdataFormat.Instance;
        formats[DnsType.DOA] = DoaRdataFormat.Instance;
        formats[DnsType.AVC] = TextStringsRdataFormat.Instance;
        formats[DnsType.RESINFO] = TextStringsRdataFormat.Instance;
        formats[DnsType.WALLET] = TextStringsRdataFormat.Instance;
        formats[DnsType.DSYNC] = DsyncRdataFormat.Instance;
        formats[DnsType.HHIT] = Base64RdataFormat.Instance;
        formats[DnsType.BRID] = Base64RdataFormat.Instance;
    }
}
