using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Server.Zones;

/// <summary>Makes the next snapshot of a zone from the current one and the names that changed. Most changes
/// are patched in: the changed names' nodes and records are appended to the shared arrays and an overlay
/// maps the names to them, so a write costs the size of the change, not of the zone. A change that moves a
/// zone cut, or a zone whose overlay or unused records have grown large, is built again in full from the
/// current snapshot's contents — which also keeps the cost of a write bounded on average.</summary>
internal static class ZoneSnapshotPatcher
{
    /// <summary>The next snapshot; throws <see cref="ZoneLoadException"/> for a record outside the zone, a
    /// record filed under another name, or a change that takes the apex SOA away.</summary>
    public static ZoneSnapshot Apply(ZoneSnapshot current, IReadOnlyList<NameRecords> changes)
    {
        Validate(current, changes);
        lock (current.Storage.AppendLock)
        {
            if (CanPatch(current, changes)) return new Patch(current).Apply(changes);
        }
        return Rebuild(current, changes);
    }

    private static void Validate(ZoneSnapshot current, IReadOnlyList<NameRecords> changes)
    {
        var probe = new ZoneSnapshotBuilder(current.Origin, expectedRecords: 1);
        foreach (var change in changes)
        {
            foreach (var record in change.Records)
            {
                if (!record.Owner.Equals(change.Owner)) throw new ZoneLoadException($"{record.Owner}: record filed under {change.Owner}");
            }
            if (!probe.IsInZone(change.Owner.Wire)) throw new ZoneLoadException($"{change.Owner}: record is outside the zone");
            if (change.Owner.Equals(current.Origin) && !change.Records.Any(r => r.Type == DnsType.SOA))
                throw new ZoneLoadException($"zone {current.Origin} has no SOA record at its apex");
        }
    }

    private static bool CanPatch(ZoneSnapshot current, IReadOnlyList<NameRecords> changes)
    {
        if (current.Storage.Tip != current) return false; // an older snapshot: its arrays' ends are in use
        // Each changed name may add itself, its parent and a chain of empty non-terminals to the overlay.
        int overlayLimit = Math.Clamp(current.BuiltNodes / 4, 256, 8192);
        if (current.Overlay.Count + changes.Count * 3 > overlayLimit) return false;
        if (current.DeadRecords > Math.Max(1024, current.RecordCount)) return false;
        if (current.NodeEnd - current.NodeCount > Math.Max(4096, 2 * current.NodeCount)) return false;
        Span<byte> lower = stackalloc byte[DnsName.MaxWireLength];
        foreach (var change in changes)
        {
            var name = Lowercase(change.Owner, lower);
            bool apex = name.SequenceEqual(current.OriginLower);
            // Zone cuts decide which names are answered at all: adding or removing one re-marks a subtree.
            if (!apex && change.Records.Any(r => r.Type == DnsType.NS)) return false;
            for (int offset = 0; name.Length - offset >= current.OriginLower.Length; offset += name[offset] + 1)
            {
                int node = current.FindNode(name[offset..]);
                if (node >= 0 && (current.Node(node).Flags & (NodeFlags.Delegation | NodeFlags.Occluded)) != 0) return false;
                if (name.Length - offset == current.OriginLower.Length) break;
            }
        }
        return true;
    }

    /// <summary>Builds the zone in full from the current snapshot, with the changed names' records replaced.</summary>
    private static ZoneSnapshot Rebuild(ZoneSnapshot current, IReadOnlyList<NameRecords> changes)
    {
        var builder = new ZoneSnapshotBuilder(current.Origin, current.RecordCount + changes.Count);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        Span<byte> lower = stackalloc byte[DnsName.MaxWireLength];
        foreach (var change in changes) changed.Add(Encoding.Latin1.GetString(Lowercase(change.Owner, lower)));
        foreach (int node in current.LiveNodes())
        {
            var name = current.NodeName(node);
            ref readonly var n = ref current.Node(node);
            if (n.RRsetCount == 0 || changed.Contains(Encoding.Latin1.GetString(name))) continue;
            for (int s = n.FirstRRset; s < n.FirstRRset + n.RRsetCount; s++)
            {
                ref readonly var rrset = ref current.RRset(s);
                for (int r = rrset.FirstRdata; r < rrset.FirstRdata + rrset.RdataCount; r++)
                    builder.TryAdd(name, (DnsType)rrset.Type, rrset.Ttl, current.Rdata(r), out _, current.RecordTargets(r));
            }
        }
        foreach (var change in changes)
        {
            foreach (var record in change.Records)
            {
                if (!builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out var error, record.Targets))
                    throw new ZoneLoadException($"{record.Owner}: {error}");
            }
        }
        return builder.Build();
    }

    private static ReadOnlySpan<byte> Lowercase(DnsName name, Span<byte> buffer)
    {
        var wire = name.Wire;
        wire.CopyTo(buffer);
        DnsName.LowercaseInPlace(buffer[..wire.Length]);
        return buffer[..wire.Length];
    }

    /// <summary>One incremental change, appending to the current snapshot's storage under its lock.</summary>
    private sealed class Patch(ZoneSnapshot current)
    {
        private readonly ZoneStorage _storage = current.Storage;
        // Names this change touched: lowercase wire name → (node or -1 when removed, name offset).
        private readonly Dictionary<string, (int Node, int NameOffset)> _touched = new(StringComparer.Ordinal);
        private int _liveNodes = current.NodeCount;
        private int _liveRecords = current.RecordCount;

        public ZoneSnapshot Apply(IReadOnlyList<NameRecords> changes)
        {
            Span<byte> lower = stackalloc byte[DnsName.MaxWireLength];
            foreach (var change in changes) Change(Lowercase(change.Owner, lower), change);
            var overlayChanges = new List<OverlayChange>(_touched.Count);
            foreach (var (node, offset) in _touched.Values)
                overlayChanges.Add(new OverlayChange(offset, NameHash.Compute(NameTable.KeyAt(_storage.NameArena, offset)), node));
            var overlay = current.Overlay.With(_storage.NameArena, overlayChanges);
            return new ZoneSnapshot(current.Origin, _storage, current.Table, current.BuiltNodes, overlay, _liveNodes, _liveRecords);
        }

        private void Change(ReadOnlySpan<byte> name, NameRecords change)
        {
            int old = Find(name, out int nameOffset);
            if (old >= 0) _liveRecords -= RecordsAt(old);
            if (change.Records.Count > 0)
            {
                var (firstRRset, rrsetCount, records) = AppendRecords(change);
                _liveRecords += records;
                if (old >= 0)
                {
                    var node = _storage.Nodes[old];
                    Set(name, node with { FirstRRset = firstRRset, RRsetCount = rrsetCount, Flags = node.Flags & ~NodeFlags.EmptyNonTerminal }, _storage.ChildCounts[old]);
                }
                else
                {
                    if (nameOffset < 0) nameOffset = _storage.AppendName(name);
                    Set(name, new ZoneNode(nameOffset, firstRRset, rrsetCount, NodeFlags.None), 0);
                    _liveNodes++;
                    AttachToParent(name);
                }
            }
            else if (old >= 0)
            {
                var node = _storage.Nodes[old];
                if (_storage.ChildCounts[old] > 0)
                    Set(name, node with { FirstRRset = 0, RRsetCount = 0, Flags = node.Flags | NodeFlags.EmptyNonTerminal }, _storage.ChildCounts[old]);
                else
                    Remove(name, old);
            }
        }

        /// <summary>A new name counts as a child of its parent; a missing parent becomes an empty non-terminal.</summary>
        private void AttachToParent(ReadOnlySpan<byte> child)
        {
            var parentName = child[(child[0] + 1)..];
            bool wildcard = child[0] == 1 && child[1] == (byte)'*';
            int parent = Find(parentName, out int nameOffset);
            if (parent >= 0)
            {
                var node = _storage.Nodes[parent];
                Set(parentName, wildcard ? node with { Flags = node.Flags | NodeFlags.HasWildcardChild } : node, _storage.ChildCounts[parent] + 1);
                return;
            }
            if (nameOffset < 0) nameOffset = _storage.AppendName(parentName);
            var flags = NodeFlags.EmptyNonTerminal | (wildcard ? NodeFlags.HasWildcardChild : NodeFlags.None);
            Set(parentName, new ZoneNode(nameOffset, 0, 0, flags), 1);
            _liveNodes++;
            AttachToParent(parentName); // the apex always exists, so this ends there at the latest
        }

        /// <summary>A name with no data and no children stops existing, and so may its empty parent.</summary>
        private void Remove(ReadOnlySpan<byte> name, int node)
        {
            _touched[Encoding.Latin1.GetString(name)] = (-1, _storage.Nodes[node].NameOffset);
            _liveNodes--;
            var parentName = name[(name[0] + 1)..];
            int parent = Find(parentName, out _);
            var parentNode = _storage.Nodes[parent];
            if (name[0] == 1 && name[1] == (byte)'*') parentNode = parentNode with { Flags = parentNode.Flags & ~NodeFlags.HasWildcardChild };
            int children = _storage.ChildCounts[parent] - 1;
            if (children == 0 && parentNode.RRsetCount == 0 && (parentNode.Flags & NodeFlags.Apex) == 0)
                Remove(parentName, parent);
            else
                Set(parentName, parentNode, children);
        }

        private int Find(ReadOnlySpan<byte> name, out int nameOffset)
        {
            if (_touched.TryGetValue(Encoding.Latin1.GetString(name), out var touched))
            {
                nameOffset = touched.NameOffset;
                return touched.Node;
            }
            int node = current.FindNode(name);
            nameOffset = node >= 0 ? _storage.Nodes[node].NameOffset : -1;
            return node;
        }

        private void Set(ReadOnlySpan<byte> name, ZoneNode node, int childCount) =>
            _touched[Encoding.Latin1.GetString(name)] = (_storage.AppendNode(node, childCount), node.NameOffset);

        private int RecordsAt(int node)
        {
            var n = _storage.Nodes[node];
            int count = 0;
            for (int s = n.FirstRRset; s < n.FirstRRset + n.RRsetCount; s++) count += _storage.RRsets[s].RdataCount;
            return count;
        }

        /// <summary>Groups the name's records exactly as a full build does (by building just them) and
        /// appends the record sets and data.</summary>
        private (int FirstRRset, ushort Count, int Records) AppendRecords(NameRecords change)
        {
            var builder = new ZoneSnapshotBuilder(current.Origin, change.Records.Count);
            foreach (var record in change.Records) builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out _, record.Targets);
            var built = builder.Build();
            var node = built.Node(built.FindNode(Lowercase(change.Owner, stackalloc byte[DnsName.MaxWireLength])));
            int first = _storage.RRsetCount;
            int records = 0;
            for (int s = node.FirstRRset; s < node.FirstRRset + node.RRsetCount; s++)
            {
                var rrset = built.RRset(s);
                int firstRecord = _storage.RecordCount;
                for (int r = rrset.FirstRdata; r < rrset.FirstRdata + rrset.RdataCount; r++) _storage.AppendRecord(built.Rdata(r), built.RecordTargets(r));
                _storage.AppendRRset(rrset with { FirstRdata = firstRecord });
                records += rrset.RdataCount;
            }
            return (first, node.RRsetCount, records);
        }
    }
}
