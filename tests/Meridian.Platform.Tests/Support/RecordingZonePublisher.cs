using System.Collections.Concurrent;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Publishing;

namespace Meridian.Platform.Tests.Support;

/// <summary>Remembers what the platform published: the latest contents per zone and every call in order.</summary>
public sealed class RecordingZonePublisher : IZonePublisher
{
    private readonly ConcurrentDictionary<DnsName, (uint Serial, IReadOnlyList<ZoneRecord> Records)> _zones = new();

    public ConcurrentQueue<(string Action, DnsName Origin, uint Serial)> Calls { get; } = new();

    public void PublishZone(DnsName origin, uint serial, IReadOnlyCollection<ZoneRecord> records)
    {
        _zones[origin] = (serial, records.ToList());
        Calls.Enqueue(("publish", origin, serial));
    }

    public void RemoveZone(DnsName origin)
    {
        _zones.TryRemove(origin, out _);
        Calls.Enqueue(("remove", origin, 0));
    }

    public bool IsServed(string origin) => _zones.ContainsKey(DnsName.Parse(origin));

    public uint SerialOf(string origin) => _zones[DnsName.Parse(origin)].Serial;

    public IReadOnlyList<ZoneRecord> RecordsOf(string origin) => _zones[DnsName.Parse(origin)].Records;
}
