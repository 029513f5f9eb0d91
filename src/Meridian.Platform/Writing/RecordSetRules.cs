using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;

namespace Meridian.Platform.Writing;

/// <summary>The rules that depend on the rest of the zone: no CNAME at the apex or beside other data, no
/// NS at the apex (the platform serves its own), no exact duplicates. A name may have several CNAME
/// records only as GeoDNS variants: no two of them may share a target (a country, continent or group, or
/// both being global), so a client's location picks one of them.</summary>
internal static class RecordSetRules
{
    /// <summary>Null when a record (owner, type, wire) may join the zone; <paramref name="replacing"/> is the
    /// record it replaces on update, which does not count.</summary>
    public static string? Check(ZoneContents zone, DnsName owner, DnsType type, ReadOnlySpan<byte> wire, Guid? replacing) =>
        Check(zone, owner, type, wire, GeoTargetSet.Global, replacing);

    /// <summary>As above, for a record answered where <paramref name="targets"/> say.</summary>
    public static string? Check(ZoneContents zone, DnsName owner, DnsType type, ReadOnlySpan<byte> wire, GeoTargetSet targets, Guid? replacing)
    {
        string typeName = RecordTypeRules.Name(type);
        if (type == DnsType.CNAME && owner.Equals(zone.Origin))
            return $"A CNAME record cannot be at the apex of {zone.Origin}; use A/AAAA records there";
        if (type == DnsType.NS && owner.Equals(zone.Origin))
            return $"NS records at the apex of {zone.Origin} are the platform's own; NS records can only delegate a subdomain";
        foreach (var existing in zone.At(owner))
        {
            if (existing.Id == replacing) continue;
            if (existing.SameData(owner, type, wire))
                return $"duplicate record: {owner} {typeName} {RdataParsing.Format(type, wire)} already exists";
        }
        foreach (var existing in zone.At(owner))
        {
            if (existing.Id == replacing) continue;
            if (type == DnsType.CNAME && existing.Type == DnsType.CNAME)
            {
                if (SharedTarget(targets, existing.Targets) is not { } shared)
                    continue;
                return shared.Length == 0
                    ? $"{owner} already has a CNAME record answered everywhere; a name can have only one, or one per distinct country_codes"
                    : $"{owner} already has a CNAME record for {shared}; a name can have only one CNAME per location";
            }
            if (type == DnsType.CNAME)
                return $"{owner} already has {RecordTypeRules.Name(existing.Type)} records; a CNAME cannot sit beside other data";
            if (existing.Type == DnsType.CNAME)
                return $"{owner} has a CNAME record; no other data can sit beside it";
        }
        return null;
    }

    /// <summary>A target two records have in common ("" when both are global), or null when none.</summary>
    private static string? SharedTarget(GeoTargetSet a, GeoTargetSet b)
    {
        if (a.IsGlobal || b.IsGlobal) return a.IsGlobal && b.IsGlobal ? "" : null;
        foreach (var target in a.Targets)
        {
            foreach (var other in b.Targets)
            {
                if (string.Equals(target.Code, other.Code, StringComparison.Ordinal)) return target.Code;
            }
        }
        return null;
    }

    /// <summary>The TTL the record set (owner, type) already has, if it has records other than <paramref name="except"/>.</summary>
    public static uint? SetTtl(ZoneContents zone, DnsName owner, DnsType type, Guid? except)
    {
        foreach (var existing in zone.At(owner))
        {
            if (existing.Type == type && existing.Id != except) return existing.Ttl;
        }
        return null;
    }
}
