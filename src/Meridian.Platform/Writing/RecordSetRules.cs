using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Platform.Publishing;
using Meridian.Platform.Records;

namespace Meridian.Platform.Writing;

/// <summary>The rules that depend on the rest of the zone: no CNAME at the apex or beside other data, no
/// NS at the apex (the platform serves its own), no exact duplicates.</summary>
internal static class RecordSetRules
{
    /// <summary>Null when a record (owner, type, wire) may join the zone; <paramref name="replacing"/> is the
    /// record it replaces on update, which does not count.</summary>
    public static string? Check(ZoneContents zone, DnsName owner, DnsType type, ReadOnlySpan<byte> wire, Guid? replacing)
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
                return $"{owner} already has a CNAME record; a name can have only one";
            if (type == DnsType.CNAME)
                return $"{owner} already has {RecordTypeRules.Name(existing.Type)} records; a CNAME cannot sit beside other data";
            if (existing.Type == DnsType.CNAME)
                return $"{owner} has a CNAME record; no other data can sit beside it";
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
