using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>Where committed zones go to be answered. The platform calls it after every committed change,
/// inside the zone's write lock, so calls for one zone never overlap and arrive in serial order.</summary>
public interface IZonePublisher
{
    /// <summary>Serves the zone's complete contents (apex SOA and NS included), replacing what was served.</summary>
    void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records);

    /// <summary>Replaces the records of the names that changed since <paramref name="previousSerial"/> (the
    /// apex, with its new SOA, among them). False when the publisher cannot apply a change to what it serves
    /// (it is not serving <paramref name="previousSerial"/>); the platform then publishes the whole zone.</summary>
    bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes) => false;

    /// <summary>Stops answering for the zone.</summary>
    void RemoveZone(DnsName origin);
}
