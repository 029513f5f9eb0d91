using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>A record as the reader hands it out: where it was written and which commit group it belongs to.</summary>
internal readonly record struct GroupedRecord(ResourceRecord Record, ZoneFilePosition Position, long Group);

/// <summary>BIND's loader gathers the consecutive records of one owner (and, after a delegation, of one
/// glue name) and commits each gathering to the zone database in one step. That grouping is visible:
/// inside a gathering a later TTL is replaced by the first one ("TTL set to prior TTL"), while a later
/// gathering for the same RRset replaces the RRset's TTL. This class reproduces the gatherings: records
/// wait here until their gathering is committed, and come out in commit order numbered by group.</summary>
internal sealed class RecordGroups
{
    // BIND keeps a gathering's RDATA in a 128 KiB buffer and commits everything once less than one
    // maximum-size RDATA (65,512 octets) of room is left.
    private const int BufferSize = 128 * 1024;
    private const int MinimumRoom = 65512;

    private readonly Queue<GroupedRecord> _ready = new();
    private readonly Gathering _current = new();
    private readonly Gathering _glue = new();
    private long _lastGroup;

    /// <summary>The current gathering holds an NS record, so a following name may be glue.</summary>
    public bool CurrentHasDelegation { get; set; }

    public bool TryTake(out GroupedRecord record) => _ready.TryDequeue(out record);

    /// <summary>The TTL already given to this RRset within the open gathering, if any.</summary>
    public bool TryGetGatheredTtl(bool glue, DnsType type, DnsType covers, out uint ttl)
    {
        foreach (var set in (glue ? _glue : _current).Sets)
        {
            if (set.Type == type && set.Covers == covers)
            {
                ttl = set.Ttl;
                return true;
            }
        }
        ttl = 0;
        return false;
    }

    public void Add(bool glue, ResourceRecord record, ZoneFilePosition position)
    {
        var gathering = glue ? _glue : _current;
        gathering.Records.Add((record, position));
        gathering.Bytes += record.Data.Length;
        var covers = record.Covers;
        if (!TryGetGatheredTtl(glue, record.Type, covers, out _)) gathering.Sets.Add((record.Type, covers, record.Ttl));
        if (BufferSize - (_current.Bytes + _glue.Bytes) < MinimumRoom) CommitAll();
    }

    /// <summary>A record committed on its own, as each <c>$GENERATE</c> iteration is.</summary>
    public void AddAlone(ResourceRecord record, ZoneFilePosition position) =>
        _ready.Enqueue(new GroupedRecord(record, position, ++_lastGroup));

    /// <summary>True when <paramref name="name"/> is the target of an NS record in the current gathering.</summary>
    public bool IsGlueName(DnsName name)
    {
        foreach (var (record, _) in _current.Records)
        {
            if (record.Type == DnsType.NS && DnsName.WireEqualsIgnoreCase(record.Data, name.Wire)) return true;
        }
        return false;
    }

    public void CommitCurrent() => Commit(_current);

    public void CommitGlue() => Commit(_glue);

    public void CommitAll()
    {
        Commit(_current);
        Commit(_glue);
    }

    private void Commit(Gathering gathering)
    {
        if (gathering.Records.Count == 0) return;
        long group = ++_lastGroup;
        foreach (var (record, position) in gathering.Records) _ready.Enqueue(new GroupedRecord(record, position, group));
        gathering.Records.Clear();
        gathering.Sets.Clear();
        gathering.Bytes = 0;
    }

    private sealed class Gathering
    {
        public List<(ResourceRecord Record, ZoneFilePosition Position)> Records { get; } = [];

        public List<(DnsType Type, DnsType Covers, uint Ttl)> Sets { get; } = [];

        public int Bytes { get; set; }
    }
}
