using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Dns.Server.Zones;

/// <summary>An immutable, compact copy of one zone for answering: arrays and arenas, no object per
/// record, so a million-record zone costs tens of megabytes and lookups allocate nothing.
/// A change makes a new snapshot (see <see cref="ZoneSnapshotPatcher"/>); readers never see one half built.</summary>
internal sealed class ZoneSnapshot
{
    // This snapshot's view of the shared arrays: it reads only below the extents it was made with.
    private readonly byte[] _nameArena;
    private readonly ZoneNode[] _nodes;
    private readonly int[] _childCounts;
    private readonly RRsetEntry[] _rrsets;
    private readonly int[] _rdataStarts;
    private readonly byte[] _rdataArena;
    private readonly NameTable _table;        // the names of the last full build: name → node
    private readonly NodeOverlay _overlay;    // names changed since, looked up first
    private readonly int[]? _recordTargets;   // per record: index into _targetSets (0 = global); null when no record is targeted
    private readonly GeoTargetSet[] _targetSets;

    internal ZoneSnapshot(DnsName origin, ZoneStorage storage, NameTable table, int builtNodes, NodeOverlay overlay, int liveNodes, int liveRecords)
    {
        Origin = origin;
        OriginLower = origin.ToLower().Wire.ToArray();
        Storage = storage;
        _nameArena = storage.NameArena;
        _nodes = storage.Nodes;
        _childCounts = storage.ChildCounts;
        _rrsets = storage.RRsets;
        _rdataStarts = storage.RdataStarts;
        _rdataArena = storage.RdataArena;
        _recordTargets = storage.RecordTargets;
        _targetSets = storage.TargetSets;
        NameLength = storage.NameLength;
        NodeEnd = storage.NodeCount;
        RRsetEnd = storage.RRsetCount;
        RecordEnd = storage.RecordCount;
        _table = table;
        BuiltNodes = builtNodes;
        _overlay = overlay;
        NodeCount = liveNodes;
        RecordCount = liveRecords;
        ApexNode = FindNode(OriginLower);
        SoaRRset = ApexNode < 0 ? -1 : FindRRset(ApexNode, DnsType.SOA);
        storage.Tip = this;
    }

    public DnsName Origin { get; }

    /// <summary>The origin in lowercase wire form.</summary>
    public byte[] OriginLower { get; }

    public int ApexNode { get; }

    /// <summary>The apex SOA record set, or -1 for a zone without one (not served).</summary>
    public int SoaRRset { get; }

    /// <summary>Names in the zone, empty non-terminals included.</summary>
    public int NodeCount { get; }

    /// <summary>Records in the zone.</summary>
    public int RecordCount { get; }

    /// <summary>The SOA serial, or 0 when there is no SOA.</summary>
    public uint Serial
    {
        get
        {
            if (SoaRRset < 0) return 0;
            var soa = Rdata(_rrsets[SoaRRset].FirstRdata);
            return soa.Length >= 20 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(soa[^20..]) : 0;
        }
    }

    internal ZoneStorage Storage { get; }

    internal NameTable Table => _table;

    internal NodeOverlay Overlay => _overlay;

    /// <summary>Nodes 0..BuiltNodes-1 came from the last full build and are in <see cref="Table"/>.</summary>
    internal int BuiltNodes { get; }

    internal int NameLength { get; }

    internal int NodeEnd { get; }

    internal int RRsetEnd { get; }

    internal int RecordEnd { get; }

    /// <summary>Records held in the arrays that no name uses any more; a full build drops them.</summary>
    internal int DeadRecords => RecordEnd - RecordCount;

    public int FindNode(ReadOnlySpan<byte> lowercaseName)
    {
        uint hash = NameHash.Compute(lowercaseName);
        if (_overlay.Count != 0 && _overlay.TryFind(lowercaseName, hash, out int changed)) return changed;
        return _table.Find(lowercaseName, hash);
    }

    public ref readonly ZoneNode Node(int node) => ref _nodes[node];

    public ReadOnlySpan<byte> NodeName(int node) => NameTable.KeyAt(_nameArena, _nodes[node].NameOffset);

    internal int ChildCount(int node) => _childCounts[node];

    /// <summary>The node's record set of <paramref name="type"/>, or -1.</summary>
    public int FindRRset(int node, DnsType type)
    {
        ref readonly var n = ref _nodes[node];
        for (int i = n.FirstRRset; i < n.FirstRRset + n.RRsetCount; i++)
        {
            if (_rrsets[i].Type == (ushort)type) return i;
        }
        return -1;
    }

    public ref readonly RRsetEntry RRset(int rrset) => ref _rrsets[rrset];

    public ReadOnlySpan<byte> Rdata(int record) => _rdataArena.AsSpan(_rdataStarts[record], _rdataStarts[record + 1] - _rdataStarts[record]);

    /// <summary>True when some record of the zone is geo-targeted.</summary>
    public bool HasTargets => _recordTargets is not null;

    /// <summary>Where record <paramref name="record"/> is answered (<see cref="GeoTargetSet.Global"/> for most).</summary>
    public GeoTargetSet RecordTargets(int record) => _recordTargets is null ? GeoTargetSet.Global : _targetSets[_recordTargets[record]];

    /// <summary>Every node that exists, in no particular order.</summary>
    internal IEnumerable<int> LiveNodes()
    {
        for (int node = 0; node < BuiltNodes; node++)
        {
            if (_overlay.Count != 0 && _overlay.TryFind(NodeName(node), NameHash.Compute(NodeName(node)), out _)) continue;
            yield return node;
        }
        foreach (var (_, node) in _overlay.Entries())
        {
            if (node >= 0) yield return node;
        }
    }

    /// <summary>Rough memory held by the snapshot's arrays, for metrics and benchmarks.</summary>
    public long ApproximateBytes =>
        _nameArena.Length + _rdataArena.Length + (long)_nodes.Length * 16 + (long)_rrsets.Length * 16 + (long)_rdataStarts.Length * 4
        + (long)_childCounts.Length * 4 + (long)BuiltNodes * 32 + (_recordTargets is null ? 0 : (long)_recordTargets.Length * 4);
}
