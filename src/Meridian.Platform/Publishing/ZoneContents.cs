using Meridian.Dns.Names;
using Meridian.Dns.Server.Zones;
using Meridian.Platform.Model;

namespace Meridian.Platform.Publishing;

/// <summary>The committed records of one zone, held in memory so that a write checks its rules and
/// publishes the zone without reading every record back. Changed only under the zone's write lock;
/// <see cref="Serial"/> tells whether it is still what the database holds.</summary>
internal sealed class ZoneContents(Guid zoneId, DnsName origin, uint serial, bool served, ApiEnvironment environment = ApiEnvironment.Production)
{
    private readonly Dictionary<Guid, StoredRecord> _byId = [];
    private readonly Dictionary<DnsName, List<StoredRecord>> _byOwner = [];

    public Guid ZoneId { get; } = zoneId;

    public DnsName Origin { get; } = origin;

    /// <summary>Production zones are answered by the DNS listeners, sandbox zones by the sandbox listener.</summary>
    public ApiEnvironment Environment { get; } = environment;

    public uint Serial { get; set; } = serial;

    /// <summary>Answered by this node's DNS engine (active production zones).</summary>
    public bool Served { get; set; } = served;

    public int Count => _byId.Count;

    public IEnumerable<StoredRecord> All => _byId.Values;

    public IReadOnlyList<StoredRecord> At(DnsName owner) => _byOwner.TryGetValue(owner, out var list) ? list : [];

    public bool TryGet(Guid id, out StoredRecord record) => _byId.TryGetValue(id, out record!);

    /// <summary>The serial the engine serves these contents at, or null when unknown (freshly loaded, or
    /// a publish failed): the next publish is then of the whole zone.</summary>
    public uint? PublishedSerial { get; private set; }

    /// <summary>Owners whose records changed since the contents were last published; not kept while
    /// <see cref="PublishedSerial"/> is null, since the next publish is whole then (a start fills 100,000 zones).</summary>
    public IReadOnlyCollection<DnsName> ChangedOwners => _changedOwners;

    private readonly HashSet<DnsName> _changedOwners = [];

    /// <summary>Set by a write while it runs: told of each record set before the write first changes it.</summary>
    public Writing.RecordSetJournal? Journal { get; set; }

    public void MarkPublished(uint? serial)
    {
        PublishedSerial = serial;
        _changedOwners.Clear();
    }

    public void Add(StoredRecord record)
    {
        Journal?.Capture(this, record.Owner, record.Type);
        NoteChanged(record.Owner);
        _byId.Add(record.Id, record);
        // Most names hold one record: a list of one, grown when a second comes.
        if (!_byOwner.TryGetValue(record.Owner, out var list)) _byOwner.Add(record.Owner, list = new List<StoredRecord>(1));
        list.Add(record);
    }

    /// <summary>Makes room for <paramref name="additional"/> more records (an import) at once, rather than
    /// growing and rehashing the maps many times over.</summary>
    public void EnsureRoomFor(int additional)
    {
        _byId.EnsureCapacity(_byId.Count + additional);
        _byOwner.EnsureCapacity(_byOwner.Count + additional);
        if (PublishedSerial is not null) _changedOwners.EnsureCapacity(_changedOwners.Count + additional);
    }

    private void NoteChanged(DnsName owner)
    {
        if (PublishedSerial is not null) _changedOwners.Add(owner);
    }

    public void Remove(Guid id)
    {
        if (!_byId.TryGetValue(id, out var record)) return;
        Journal?.Capture(this, record.Owner, record.Type);
        _byId.Remove(id);
        NoteChanged(record.Owner);
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
        foreach (var (_, owned) in _byOwner) AddPublished(records, owned);
        return records;
    }

    /// <summary>The names changed since the last publish with the records each now has, the apex (whose SOA
    /// carries the new serial) first; each name's records in the order <see cref="ToZoneRecords"/> gives them.</summary>
    public List<NameRecords> ChangedNames(IEnumerable<ZoneRecord> apex)
    {
        var apexRecords = new List<ZoneRecord>(apex);
        AddPublished(apexRecords, At(Origin));
        var changes = new List<NameRecords>(_changedOwners.Count + 1) { new(Origin, apexRecords) };
        foreach (var owner in _changedOwners)
        {
            if (owner.Equals(Origin)) continue;
            var records = new List<ZoneRecord>();
            AddPublished(records, At(owner));
            changes.Add(new NameRecords(owner, records));
        }
        return changes;
    }

    /// <summary>Each record with its parsed targets; the engine selects among them per client.</summary>
    private static void AddPublished(List<ZoneRecord> records, IReadOnlyList<StoredRecord> owned)
    {
        foreach (var record in owned) records.Add(new ZoneRecord(record.Owner, record.Type, record.Ttl, record.Wire, record.Targets));
    }
}
