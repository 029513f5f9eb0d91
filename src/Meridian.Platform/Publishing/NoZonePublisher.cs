using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>For processes that serve no DNS (CLI commands): changes are stored and followed by other nodes.</summary>
public sealed class NoZonePublisher : IZonePublisher
{
    public void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records)
    {
    }

    public bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes) => true;

    public void RemoveZone(DnsName origin)
    {
    }
}
