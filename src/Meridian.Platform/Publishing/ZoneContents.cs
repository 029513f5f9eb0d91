using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>The committed records of one zone, held in memory so that a write checks its rules and
/// publishes the zone without reading every record back. Changed only under the zone's write lock;
/// <see cref="Serial"/> tells whether it is still what the database holds.</summary>
internal sealed class ZoneContents(Guid zoneId, DnsName origin, uint serial, bool served)
{
    private readonly Dictionary<Guid, StoredRecord> _byId = [];
    private readonly Dictionary<DnsName, List<StoredRecord>> _byOwner = [];

    public Guid ZoneId { get; } = zoneId;

    public DnsName Origin { get; } = origin;

    public uint Serial { get; set; } = serial;

    /// <summary>Answered by this node's DNS engine (active production zones).</summary>
    public bool Served { get; set; } = served;

    public int Count => _byId.Count;

    public IEnumerable<StoredRecord> All => _byId.Values;

    public IReadOnlyList<StoredRecord> At(DnsName owner) => _byOwner.TryGetValue(owner, out var list) ? list : [];

    public bool TryGet(Guid id, out StoredRecord record) => _byId.TryGetValue(id, out record!);

    public void Add(StoredRecord record)
    {
        _byId.Add(record.Id, record);
        if (!_byOwner.TryGetValue(record.Owner, out var list)) _byOwner.Add(record.Owner, list = []);
        list.Add(record);
    }

    public void Remove(Guid id)
    {
        if (!_byId.Remove(id, out var record)) return;
        var list = _byOwner[record.Owner];
        list.RemoveAll(r => r.Id == id);
        if (list.Count == 0) _byOwner.Remove(record.Owner);
    }

    public void Replace(StoredRecord record)
    {
        Remove(record.Id);
        Add(record);
    }

    /// <summary>Every record as the engine takes it, after the apex records, each with where it is answered: the engine
    /// chooses among a name's geo variants by the client's location (DESIGN "GeoDNS semantics").</summary>
    public List<ZoneRecord> ToZoneRecords(IEnumerable<ZoneRecord> apex)
    {
        var records = new List<ZoneRecord>(_byId.Count + 4);
        records.AddRange(apex);
        foreach (var record in _byId.Values)
            records.Add(new ZoneRecord(record.Owner, record.Type, record.Ttl, record.Wire, record.Targets));
        return records;
    }
}
