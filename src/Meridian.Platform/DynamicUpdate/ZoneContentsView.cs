using Meridian.Dns.Names;
using Meridian.Dns.Server.Update;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Publishing;

namespace Meridian.Platform.DynamicUpdate;

/// <summary>A zone being written, as an UPDATE's prerequisites see it: the stored records as they stand in this change,
/// and the apex SOA and NS the platform makes.</summary>
internal sealed class ZoneContentsView(ZoneContents contents, IReadOnlyList<ZoneRecord> apex) : IUpdateZoneView
{
    public IEnumerable<ZoneRecordData> RecordsAt(DnsName owner)
    {
        if (owner.Equals(contents.Origin))
        {
            foreach (var record in apex) yield return new ZoneRecordData(record.Type, record.Ttl, record.Data);
        }
        foreach (var record in contents.At(owner)) yield return new ZoneRecordData(record.Type, record.Ttl, record.Wire);
    }
}
