using Meridian.Geo;

namespace Meridian.Dns.Server.Zones;

/// <summary>The arrays behind a zone's snapshots. A full build fills them exactly; an incremental change
/// appends new names, nodes, record sets and data past the end of what the previous snapshot reads, so the
/// two share every array and a one-record change costs no copy of the zone. Only the newest snapshot (the
/// <see cref="Tip"/>) may append; when an array is full it is copied into a larger one, which the older
/// snapshots never see because they keep their own references.</summary>
internal sealed class ZoneStorage
{
    public byte[] NameArena = [];
    public int NameLength;

    public ZoneNode[] Nodes = [];
    /// <summary>Per node: how many nodes exist exactly one label below it (an empty non-terminal goes away
    /// when this reaches zero).</summary>
    public int[] ChildCounts = [];
    public int NodeCount;

    public RRsetEntry[] RRsets = [];
    public int RRsetCount;

    /// <summary>Record i's data is RdataArena[RdataStarts[i]..RdataStarts[i+1]]; RecordCount + 1 entries are used.</summary>
    public int[] RdataStarts = [0];
    public int RecordCount;

    public byte[] RdataArena = [];
    public int RdataLength;

    /// <summary>Per record: an index into <see cref="TargetSets"/> (0 = global). Null until a record of the zone
    /// is geo-targeted, so zones without geo pay nothing.</summary>
    public int[]? RecordTargets;

    /// <summary>The distinct target sets of the zone's records, <see cref="GeoTargetSet.Global"/> first; only appended to.</summary>
    public GeoTargetSet[] TargetSets = [GeoTargetSet.Global];
    public int TargetSetCount = 1;

    /// <summary>The snapshot whose extents end where these arrays' used parts end; null until published.</summary>
    public ZoneSnapshot? Tip;

    /// <summary>Held while a change appends, so two changes never write past the same end.</summary>
    public Lock AppendLock { get; } = new();

    public int AppendName(ReadOnlySpan<byte> name)
    {
        Grow(ref NameArena, NameLength + name.Length);
        name.CopyTo(NameArena.AsSpan(NameLength));
        NameLength += name.Length;
        return NameLength - name.Length;
    }

    public int AppendNode(ZoneNode node, int childCount)
    {
        Grow(ref Nodes, NodeCount + 1);
        Grow(ref ChildCounts, NodeCount + 1);
        Nodes[NodeCount] = node;
        ChildCounts[NodeCount] = childCount;
        return NodeCount++;
    }

    public int AppendRRset(RRsetEntry rrset)
    {
        Grow(ref RRsets, RRsetCount + 1);
        RRsets[RRsetCount] = rrset;
        return RRsetCount++;
    }

    /// <summary>Appends one record's data and where it is answered; returns its record index.</summary>
    public int AppendRecord(ReadOnlySpan<byte> rdata, GeoTargetSet? targets = null)
    {
        Grow(ref RdataArena, RdataLength + rdata.Length);
        Grow(ref RdataStarts, RecordCount + 2);
        rdata.CopyTo(RdataArena.AsSpan(RdataLength));
        RdataLength += rdata.Length;
        RdataStarts[RecordCount + 1] = RdataLength;
        int index = TargetIndex(targets);
        if (index != 0 || RecordTargets is not null)
        {
            // The first targeted record starts the index array; older snapshots keep their null.
            if (RecordTargets is null) RecordTargets = new int[RdataStarts.Length];
            else Grow(ref RecordTargets, RecordCount + 1);
            RecordTargets[RecordCount] = index;
        }
        return RecordCount++;
    }

    /// <summary>The index of an equal target set, appending it when new; 0 for null or global.</summary>
    public int TargetIndex(GeoTargetSet? targets)
    {
        if (targets is null || targets.IsGlobal) return 0;
        for (int i = 1; i < TargetSetCount; i++)
            if (TargetSets[i].Equals(targets)) return i;
        Grow(ref TargetSets, TargetSetCount + 1);
        TargetSets[TargetSetCount] = targets;
        return TargetSetCount++;
    }

    /// <summary>Capacity grows by a quarter at a time: zones that are never changed stay exact, and a zone
    /// that is written to copies its arrays rarely.</summary>
    private static void Grow<T>(ref T[] array, int needed)
    {
        if (needed <= array.Length) return;
        var larger = new T[Math.Max(needed, array.Length + array.Length / 4 + 64)];
        array.AsSpan().CopyTo(larger);
        array = larger;
    }
}
