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

    /// <summary>Applies the changed names as the DNS engine does, so the platform's incremental path is
    /// what these tests observe; refuses (and the platform publishes in full) when not at the serial.</summary>
    public bool TryPublishChanges(DnsName origin, uint previousSerial, uint serial, IReadOnlyList<NameRecords> changes)
    {
        if (!_zones.TryGetValue(origin, out var served) || served.Serial != previousSerial) return false;
        var changed = changes.Select(c => c.Owner).ToHashSet();
        var records = served.Records.Where(r => !changed.Contains(r.Owner)).Concat(changes.SelectMany(c => c.Records)).ToList();
        _zones[origin] = (serial, records);
        Calls.Enqueue(("publish", origin, serial));
        IncrementalPublishes++;
        return true;
    }

    /// <summary>How many publishes went through <see cref="TryPublishChanges"/>.</summary>
    public int IncrementalPublishes { get; private set; }

    public void RemoveZone(DnsName origin)
    {
        _zones.TryRemove(origin, out _);
        Calls.Enqueue(("remove", origin, 0));
    }

    public bool IsServed(string origin) => _zones.ContainsKey(DnsName.Parse(origin));

    public uint SerialOf(string origin) => _zones[DnsName.Parse(origin)].Serial;

    public IReadOnlyList<ZoneRecord> RecordsOf(string origin) => _zones[DnsName.Parse(origin)].Records;
}
