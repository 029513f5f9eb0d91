using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Update;

/// <summary>A record of the zone as an update sees it: type, TTL and RDATA.</summary>
public readonly record struct ZoneRecordData(DnsType Type, uint Ttl, byte[] Data);

/// <summary>The zone an UPDATE is checked against, read inside the writer's transaction: every record of a name,
/// the apex SOA and NS included.</summary>
public interface IUpdateZoneView
{
    IEnumerable<ZoneRecordData> RecordsAt(DnsName owner);
}

/// <summary>The rules of RFC 2136 that need the zone's data: the prerequisites (§3.2) and, for each addition, how it
/// meets the records already there (§3.4.2.2).</summary>
public static class UpdateRules
{
    /// <summary>NOERROR when every prerequisite holds; else the rcode of the first that does not (YXDOMAIN, NXDOMAIN,
    /// YXRRSET, NXRRSET). Value-dependent prerequisites are compared as whole RRsets once all are read (§3.2.3).</summary>
    public static DnsRcode CheckPrerequisites(IReadOnlyList<UpdateRecord> prerequisites, IUpdateZoneView zone)
    {
        Dictionary<(DnsName Owner, DnsType Type), List<byte[]>>? expected = null;
        foreach (var prerequisite in prerequisites)
        {
            switch (prerequisite.Class)
            {
                case DnsClass.ANY when prerequisite.Type == DnsType.ANY:
                    if (!zone.RecordsAt(prerequisite.Owner).Any()) return DnsRcode.NXDomain;
                    break;
                case DnsClass.ANY:
                    if (!zone.RecordsAt(prerequisite.Owner).Any(r => r.Type == prerequisite.Type)) return DnsRcode.NXRRSet;
                    break;
                case DnsClass.NONE when prerequisite.Type == DnsType.ANY:
                    if (zone.RecordsAt(prerequisite.Owner).Any()) return DnsRcode.YXDomain;
                    break;
                case DnsClass.NONE:
                    if (zone.RecordsAt(prerequisite.Owner).Any(r => r.Type == prerequisite.Type)) return DnsRcode.YXRRSet;
                    break;
                default:
                    expected ??= [];
                    var key = (prerequisite.Owner, prerequisite.Type);
                    if (!expected.TryGetValue(key, out var values)) expected.Add(key, values = []);
                    if (!values.Any(v => SameData(prerequisite.Type, v, prerequisite.Data))) values.Add(prerequisite.Data);
                    break;
            }
        }
        foreach (var ((owner, type), values) in expected ?? [])
        {
            var actual = new List<byte[]>();
            foreach (var record in zone.RecordsAt(owner))
            {
                // Geo variants of a name may repeat a value; the RRset compared is the set of values.
                if (record.Type == type && !actual.Any(v => SameData(type, v, record.Data))) actual.Add(record.Data);
            }
            if (actual.Count != values.Count || !values.All(v => actual.Any(a => SameData(type, a, v)))) return DnsRcode.NXRRSet;
        }
        return DnsRcode.NoError;
    }

    /// <summary>True when two RDATA of <paramref name="type"/> are the same record: equal octets, or for the types whose
    /// data is numbers and names, equal but for the case of the names (RFC 4343; BIND and Knot compare them so).</summary>
    public static bool SameData(DnsType type, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.SequenceEqual(b)) return true;
        if (a.Length != b.Length || !HasOnlyNumbersAndNames(type)) return false;
        return string.Equals(RdataText.Format(type, a), RdataText.Format(type, b), StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasOnlyNumbersAndNames(DnsType type) =>
        type is DnsType.NS or DnsType.CNAME or DnsType.PTR or DnsType.DNAME or DnsType.MX or DnsType.SRV or DnsType.KX
            or DnsType.AFSDB or DnsType.RT;

    /// <summary>True for the records of the apex that the zone's operator (not an update) owns: SOA and the apex NS
    /// (RFC 2136 §3.4.2.3 and §3.4.2.4 keep them from being deleted; Meridian makes them itself).</summary>
    public static bool IsApexInfrastructure(DnsName zone, DnsName owner, DnsType type) =>
        type == DnsType.SOA || (type == DnsType.NS && owner.Equals(zone));
}
