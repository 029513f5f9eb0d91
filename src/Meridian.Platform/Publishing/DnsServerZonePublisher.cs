using Meridian.Dns.Names;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>Publishes to the DNS engine in this process: a write is in the answers as soon as it commits.</summary>
public sealed class DnsServerZonePublisher(DnsServer server) : IZonePublisher
{
    public void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records) => server.PublishZone(origin, records);

    public bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes) =>
        server.TryUpdateZone(origin, previousSerial, changes);

    public void RemoveZone(DnsName origin) => server.RemoveZone(origin);
}
