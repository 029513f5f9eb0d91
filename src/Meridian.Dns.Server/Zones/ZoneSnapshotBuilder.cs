using System.Diagnostics.CodeAnalysis;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Geo;

namespace Meridian.Dns.Server.Zones;

/// <summary>Collects a zone's records and builds its <see cref="ZoneSnapshot"/>: groups record sets,
/// drops duplicates, adds the empty non-terminals, and marks the apex, zone cuts, glue and wildcards.
/// Geo-targeted records keep an index into a table of distinct target sets (0 = global).</summary>
internal sealed class ZoneSnapshotBuilder
{
    private readonly DnsName _origin;
    private readonly byte[] _originLower;
    private byte[] _ownerArena;
    private int _ownerLength;
    private byte[] _rdataArena;
    private int _rdataLength;
    private PendingRecord[] _records;
    private int _count;
    private readonly List<GeoTargetSet> _targetSets = [GeoTargetSet.Global];
    private readonly Dictionary<GeoTargetSet, int> _targetIndexes = new() { [GeoTargetSet.Global] = 0 };

    private readonly record struct PendingRecord(int OwnerOffset, int OwnerLength, ushort Type, uint Ttl, int RdataOffset, int RdataLength, int Targets);

    /// <param name="expectedRecords">Room to start with: a change to one name builds its few records with a
    /// builder of its own (see <see cref="ZoneSnapshotPatcher"/>), a zone file many. (Starting whole zones
    /// small measured slower: each doubling past 85 KB is a large-object allocation.)</param>
    public ZoneSnapshotBuilder(DnsName origin, int expectedRecords = 256)
    {
        _origin = origin;
        _originLower = origin.ToLower().Wire.ToArray();
        expectedRecords = Math.Max(1, expectedRecords);
        _records = new PendingRecord[expectedRecords];
        _ownerArena = new byte[expectedRecords * 16];
        _rdataArena = new byte[expectedRecords * 16];
    }

    public int Count => _count;

    /// <summary>Adds one record; false (with a reason) when its owner is outside the zone. <paramref name="targets"/>
    /// null or global: answered everywhere.</summary>
    public bool TryAdd(ReadOnlySpan<byte> ownerWire, DnsType type, uint ttl, ReadOnlySpan<byte> rdata, [NotNullWhen(false)] out string? error,
        GeoTargetSet? targets = null)
    {
        if (!IsInZone(ownerWire))
        {
            error = "record is outside the zone";
            return false;
        }
        EnsureCapacity(ref _ownerArena, _ownerLength + ownerWire.Length);
        var owner = _ownerArena.AsSpan(_ownerLength, ownerWire.Length);
        ownerWire.CopyTo(owner);
        DnsName.LowercaseInPlace(owner);
        EnsureCapacity(ref _rdataArena, _rdataLength + rdata.Length);
        rdata.CopyTo(_rdataArena.AsSpan(_rdataLength));
        if (_count == _records.Length) Array.Resize(ref _records, _records.Length * 2);
        _records[_count++] = new PendingRecord(_ownerLength, ownerWire.Length, (ushort)type, ttl, _rdataLength, rdata.Length, TargetIndex(targets));
        _ownerLength += ownerWire.Length;
        _rdataLength += rdata.Length;
        error = null;
        return true;
    }

    public bool TryAdd(DnsName owner, DnsType type, uint ttl, ReadOnlySpan<byte> rdata, [NotNullWhen(false)] out string? error,
        GeoTargetSet? targets = null) =>
        TryAdd(owner.Wire, type, ttl, rdata, out error, targets);

    /// <summary>Equal target sets share one index, so duplicates compare by index.</summary>
    private int TargetIndex(GeoTargetSet? targets)
    {
        if (targets is null || targets.IsGlobal) return 0;
        if (!_targetIndexes.TryGetValue(targets, out int index))
        {
            index = _targetSets.Count;
            _targetSets.Add(targets);
            _targetIndexes.Add(targets, index);
        }
        return index;
    }

    /// <summary>True when the name is the origin or below it.</summary>
    internal bool IsInZone(ReadOnlySpan<byte> owner)
    {
        int offset = owner.Length - _originLower.Length;
        if (offset < 0) return false;
        if (!DnsName.WireEqualsIgnoreCase(owner[offset..], _originLower)) return false;
        for (int i = 0; ; i += owner[i] + 1)
        {
            if (i == offset) return true;
            if (i > offset || owner[i] == 0) return false;
        }
    }

    public ZoneSnapshot Build()
    {
        var order = new int[_count];
        for (int i = 0; i < _count; i++) order[i] = i;
        Array.Sort(order, CompareRecords);

        var nameArena = new List<byte>(_ownerLength / 2 + 64);
        var nodes = new List<ZoneNode>();
        var rrsets = new List<RRsetEntry>();
        var rdataStarts = new List<int>(_count + 1);
        // Only zones with a targeted record pay for the per-record target indexes.
        var recordTargets = _targetSets.Count > 1 ? new List<int>(_count) : null;
        var rdataArena = new byte[_rdataLength];
        int rdataWritten = 0;

        int r = 0;
        while (r < order.Length)
        {
            var owner = Owner(order[r]);
            int nodeStart = rrsets.Count;
            while (r < order.Length && Owner(order[r]).SequenceEqual(owner))
            {
                ushort type = _records[order[r]].Type;
                int firstRecord = rdataStarts.Count;
                int firstInput = order[r];
                int previous = -1;
                bool targeted = false;
                while (r < order.Length && _records[order[r]].Type == type && Owner(order[r]).SequenceEqual(owner))
                {
                    int rec = order[r++];
                    firstInput = Math.Min(firstInput, rec);
                    // An exact duplicate has the same data and the same targets (sorted next to each other).
                    if (previous >= 0 && _records[previous].Targets == _records[rec].Targets && Rdata(previous).SequenceEqual(Rdata(rec))) continue;
                    previous = rec;
                    rdataStarts.Add(rdataWritten);
                    recordTargets?.Add(_records[rec].Targets);
                    targeted |= _records[rec].Targets != 0;
                    Rdata(rec).CopyTo(rdataArena.AsSpan(rdataWritten));
                    rdataWritten += _records[rec].RdataLength;
                }
                // BIND and Knot give an RRset the TTL of the record that came first.
                rrsets.Add(new RRsetEntry(type, _records[firstInput].Ttl, firstRecord, rdataStarts.Count - firstRecord, targeted));
            }
            nodes.Add(new ZoneNode(nameArena.Count, nodeStart, (ushort)(rrsets.Count - nodeStart), NodeFlags.None));
            foreach (byte b in owner) nameArena.Add(b);
        }
        rdataStarts.Add(rdataWritten);

        AddEmptyNonTerminals(nameArena, nodes);
        var storage = new ZoneStorage
        {
            NameArena = nameArena.ToArray(),
            Nodes = nodes.ToArray(),
            ChildCounts = new int[nodes.Count],
            NodeCount = nodes.Count,
            RRsets = rrsets.ToArray(),
            RRsetCount = rrsets.Count,
            RdataStarts = rdataStarts.ToArray(),
            RecordCount = rdataStarts.Count - 1,
            RdataArena = rdataArena.AsSpan(0, rdataWritten).ToArray(),
            RdataLength = rdataWritten,
            RecordTargets = recordTargets?.ToArray(),
            TargetSets = [.. _targetSets],
            TargetSetCount = _targetSets.Count,
        };
        storage.NameLength = storage.NameArena.Length;
        var table = MarkFlags(storage);
        return new ZoneSnapshot(_origin, storage, table, storage.NodeCount, NodeOverlay.Empty, storage.NodeCount, storage.RecordCount);
    }

    /// <summary>Every name between an owner and the apex exists (RFC 4592 §2.2.2); those with no data
    /// of their own become empty non-terminal nodes. The apex always exists.</summary>
    private void AddEmptyNonTerminals(List<byte> nameArena, List<ZoneNode> nodes)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var arena = nameArena.ToArray();
        int owners = nodes.Count;
        for (int n = 0; n < owners; n++) known.Add(Key(arena, nodes[n].NameOffset));
        if (known.Add(Encoding.Latin1.GetString(_originLower)))
        {
            nodes.Add(new ZoneNode(nameArena.Count, 0, 0, NodeFlags.EmptyNonTerminal));
            nameArena.AddRange(_originLower);
        }
        for (int n = 0; n < owners; n++)
        {
            var name = NameAt(arena, nodes[n].NameOffset);
            int offset = name[0] + 1;
            while (name.Length - offset > _originLower.Length)
            {
                string key = Encoding.Latin1.GetString(name[offset..]);
                if (!known.Add(key)) break; // this ancestor and all above it are known
                nodes.Add(new ZoneNode(nameArena.Count, 0, 0, NodeFlags.EmptyNonTerminal));
                nameArena.AddRange(name[offset..]);
                offset += name[offset] + 1;
            }
        }
    }

    /// <summary>Sets the node flags and child counts; returns the name table over the nodes.</summary>
    private NameTable MarkFlags(ZoneStorage storage)
    {
        var (arena, nodes, rrsets) = (storage.NameArena, storage.Nodes, storage.RRsets);
        var offsets = new int[nodes.Length];
        for (int i = 0; i < nodes.Length; i++) offsets[i] = nodes[i].NameOffset;
        var table = new NameTable(arena, offsets, nodes.Length);
        for (int i = 0; i < nodes.Length; i++)
        {
            var name = table.Key(i);
            var flags = nodes[i].Flags;
            bool apex = name.SequenceEqual(_originLower);
            if (apex) flags |= NodeFlags.Apex;
            else
            {
                storage.ChildCounts[table.Find(name[(name[0] + 1)..])]++;
                if (HasType(nodes[i], rrsets, DnsType.NS)) flags |= NodeFlags.Delegation;
            }
            if (!apex && name[0] == 1 && name[1] == (byte)'*')
            {
                int parent = table.Find(name[2..]);
                if (parent >= 0) nodes[parent] = nodes[parent] with { Flags = nodes[parent].Flags | NodeFlags.HasWildcardChild };
            }
            nodes[i] = nodes[i] with { Flags = flags | (nodes[i].Flags & NodeFlags.HasWildcardChild) };
        }
        // Names below a zone cut are glue (or junk) that is never answered authoritatively.
        for (int i = 0; i < nodes.Length; i++)
        {
            var name = table.Key(i);
            for (int offset = name[0] + 1; name.Length - offset > _originLower.Length; offset += name[offset] + 1)
            {
                int ancestor = table.Find(name[offset..]);
                if (ancestor >= 0 && (nodes[ancestor].Flags & NodeFlags.Delegation) != 0)
                {
                    nodes[i] = nodes[i] with { Flags = nodes[i].Flags | NodeFlags.Occluded };
                    break;
                }
            }
        }
        return table;
    }

    private static bool HasType(ZoneNode node, RRsetEntry[] rrsets, DnsType type)
    {
        for (int i = node.FirstRRset; i < node.FirstRRset + node.RRsetCount; i++)
        {
            if (rrsets[i].Type == (ushort)type) return true;
        }
        return false;
    }

    private int CompareRecords(int a, int b)
    {
        int c = Owner(a).SequenceCompareTo(Owner(b));
        if (c != 0) return c;
        c = _records[a].Type.CompareTo(_records[b].Type);
        if (c != 0) return c;
        c = Rdata(a).SequenceCompareTo(Rdata(b));
        if (c != 0) return c;
        c = _records[a].Targets.CompareTo(_records[b].Targets);
        return c != 0 ? c : a.CompareTo(b);
    }

    private ReadOnlySpan<byte> Owner(int record) => _ownerArena.AsSpan(_records[record].OwnerOffset, _records[record].OwnerLength);

    private ReadOnlySpan<byte> Rdata(int record) => _rdataArena.AsSpan(_records[record].RdataOffset, _records[record].RdataLength);

    private static ReadOnlySpan<byte> NameAt(byte[] arena, int offset)
    {
        int i = offset;
        while (arena[i] != 0) i += arena[i] + 1;
        return arena.AsSpan(offset, i + 1 - offset);
    }

    private static string Key(byte[] arena, int offset) => Encoding.Latin1.GetString(NameAt(arena, offset));

    private static void EnsureCapacity(ref byte[] buffer, int needed)
    {
        if (needed > buffer.Length) Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
    }
}
