using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>Where committed zones go to be answered. The platform calls it after every committed change,
/// inside the zone's write lock, so calls for one zone never overlap and arrive in serial order.</summary>
public interface IZonePublisher
{
    /// <summary>Serves the zone's complete contents (apex SOA and NS included), replacing what was served.</summary>
    void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records);

    /// <summary>Stops answering for the zone.</summary>
    void RemoveZone(DnsName origin);
}
