using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Dns.Server.Zones;

/// <summary>An immutable, compact copy of one zone for answering: arrays and arenas, no object per
/// record, so a million-record zone costs tens of megabytes and lookups allocate nothing.
/// A change builds a new snapshot; readers never see one half built.</summary>
internal sealed class ZoneSnapshot
{
    private readonly byte[] _nameArena;       // lowercase wire names of nodes
    private readonly ZoneNode[] _nodes;
    private readonly RRsetEntry[] _rrsets;
    private readonly int[] _rdataStarts;      // record i's data is _rdataArena[_rdataStarts[i].._rdataStarts[i+1]]
    private readonly byte[] _rdataArena;
    private readonly NameTable _table;
    private readonly int[]? _recordTargets;   // parallel to records: index into _targetSets (0 = global); null when no record is targeted
    private readonly GeoTargetSet[] _targetSets;

    /// <param name="recordTargets">Per record, an index into <paramref name="targetSets"/> (0 = global); null when the zone
    /// has no geo-targeted record.</param>
    /// <param name="targetSets">The distinct target sets, <see cref="GeoTargetSet.Global"/> first.</param>
    internal ZoneSnapshot(DnsName origin, byte[] nameArena, ZoneNode[] nodes, RRsetEntry[] rrsets, int[] rdataStarts, byte[] rdataArena,
        int[]? recordTargets = null, GeoTargetSet[]? targetSets = null)
    {
        Origin = origin;
        OriginLower = origin.ToLower().Wire.ToArray();
        _nameArena = nameArena;
        _nodes = nodes;
        _rrsets = rrsets;
        _rdataStarts = rdataStarts;
        _rdataArena = rdataArena;
        _recordTargets = recordTargets;
        _targetSets = targetSets ?? [GeoTargetSet.Global];
        var offsets = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++) offsets[i] = nodes[i].NameOffset;
        _table = new NameTable(nameArena, offsets, nodes.Length);
        ApexNode = FindNode(OriginLower);
        SoaRRset = ApexNode < 0 ? -1 : FindRRset(ApexNode, DnsType.SOA);
    }

    public DnsName Origin { get; }

    /// <summary>The origin in lowercase wire form.</summary>
    public byte[] OriginLower { get; }

    public int ApexNode { get; }

    /// <summary>The apex SOA record set, or -1 for a zone without one (not served).</summary>
    public int SoaRRset { get; }

    public int NodeCount => _nodes.Length;

    public int RecordCount => _rdataStarts.Length - 1;

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

    public int FindNode(ReadOnlySpan<byte> lowercaseName) => _table.Find(lowercaseName);

    public ref readonly ZoneNode Node(int node) => ref _nodes[node];

    public ReadOnlySpan<byte> NodeName(int node) => _table.Key(node);

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

    /// <summary>Rough memory held by the snapshot's arrays, for metrics and benchmarks.</summary>
    public long ApproximateBytes =>
        _nameArena.Length + _rdataArena.Length + (long)_nodes.Length * 16 + (long)_rrsets.Length * 16 + (long)_rdataStarts.Length * 4 + (long)_nodes.Length * 20
        + (_recordTargets is null ? 0 : (long)_recordTargets.Length * 4);
}
