using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>Stores records the way BIND's zone database does while loading, then sorts them into a
/// <see cref="CompiledZone"/>. The rules reproduced: duplicates (equal in RDATA order) are dropped,
/// keeping the first stored across commit groups and the last within one; an RRset takes its TTL from
/// the last group stored and its owner's spelling from the first; an RRSIG set keeps its re-sign time
/// only while later groups change nothing. Records go into flat arrays and are sorted once: owners by a
/// canonical-order key, then records by a 64-bit (owner rank, type order) key.</summary>
public sealed class CompiledZoneBuilder
{
    private readonly DnsName _origin;
    private readonly DnsClass _class;
    private readonly uint _now;
    private Entry[] _entries;
    private int _count;
    private Slot[] _slots = new Slot[256];
    private int _slotCount;
    private byte[] _keys = new byte[4096];
    private int _keysUsed;
    private DnsName? _lastOwner;
    private int _lastSlot = -1;
    private int _lastNsec3Slot = -1;

    /// <param name="now">BIND's load time, used for the re-sign time of signatures made in the future.</param>
    /// <param name="capacity">Expected number of records, to size the arrays once.</param>
    public CompiledZoneBuilder(DnsName origin, DnsClass dnsClass, DateTimeOffset? now = null, int capacity = 1024)
    {
        _origin = origin;
        _class = dnsClass;
        _now = unchecked((uint)(now ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
        _entries = new Entry[Math.Max(capacity, 16)];
    }

    public int Count => _count;

    /// <summary>Adds a record read from a zone file with its commit group (see <see cref="ZoneFileReader.Group"/>).
    /// The owner must be at or below the origin (the reader drops everything else).</summary>
    public void Add(ResourceRecord record, ZoneFilePosition position, long group)
    {
        var covers = record.Covers;
        bool nsec3 = record.Type == DnsType.NSEC3 || covers == DnsType.NSEC3;
        int slot = SlotOf(record.Owner, nsec3);
        if (_count == _entries.Length) Array.Resize(ref _entries, _entries.Length * 2);
        _entries[_count++] = new Entry { Record = record, Position = position, Group = group, Slot = slot };
    }

    // Hot from the first call (a million iterations in one go), so skip tiered compilation's slow first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CompiledZone Build()
    {
        var rank = RankSlots();
        var keys = new long[_count];
        var order = new int[_count];
        for (int i = 0; i < _count; i++)
        {
            var record = _entries[i].Record;
            keys[i] = ((long)rank[_entries[i].Slot] << 18) | (uint)DumpOrder(record.Type, record.Covers);
            order[i] = i;
        }
        Array.Sort(keys, order);

        // Within one owner and type order: SIG sets by covered type, then RDATA order (ties: the earliest
        // group first and, within a group, the latest record first — the one BIND keeps).
        var byRdata = new EntryOrder(_entries);
        int setCount = 0;
        for (int start = 0, end; start < _count; start = end)
        {
            for (end = start + 1; end < _count && keys[end] == keys[start]; end++) { }
            var run = order.AsSpan(start, end - start);
            if (run.Length > 1) run.Sort(byRdata);
            for (int i = 0; i < run.Length; i++)
            {
                if (i == 0 || _entries[run[i]].Record.Covers != _entries[run[i - 1]].Record.Covers) setCount++;
            }
        }

        var rrsets = new CompiledRRset[setCount];
        var data = new byte[_count][];
        int setIndex = 0, dataUsed = 0;
        for (int start = 0, end; start < _count; start = end)
        {
            for (end = start + 1; end < _count && keys[end] == keys[start]; end++) { }
            var run = order.AsSpan(start, end - start);
            int setStart = 0;
            for (int i = 1; i <= run.Length; i++)
            {
                if (i < run.Length && _entries[run[i]].Record.Covers == _entries[run[setStart]].Record.Covers) continue;
                rrsets[setIndex++] = BuildRRset(run[setStart..i], data, ref dataUsed);
                setStart = i;
            }
        }
        return new CompiledZone(_origin, _class, rrsets);
    }

    /// <summary>One slot per run of records sharing an owner object and tree; the slot holds the owner's
    /// canonical key relative to the origin.</summary>
    private int SlotOf(DnsName owner, bool nsec3)
    {
        if (!ReferenceEquals(owner, _lastOwner))
        {
            _lastOwner = owner;
            _lastSlot = _lastNsec3Slot = -1;
        }
        ref int last = ref nsec3 ? ref _lastNsec3Slot : ref _lastSlot;
        if (last >= 0) return last;
        if (!owner.IsSubdomainOf(_origin)) throw new ArgumentException($"'{owner}' is not in zone '{_origin}'", nameof(owner));
        if (_keys.Length - _keysUsed < CanonicalNameKey.MaxLength) Array.Resize(ref _keys, _keys.Length * 2);
        int length = CanonicalNameKey.Write(owner, _origin.LabelCount, _keys.AsSpan(_keysUsed));
        if (_slotCount == _slots.Length) Array.Resize(ref _slots, _slots.Length * 2);
        _slots[_slotCount] = new Slot(nsec3, _keysUsed, length);
        _keysUsed += length;
        last = _slotCount++;
        return last;
    }

    /// <summary>Each slot's node rank in dump order (the main tree in canonical order, then the NSEC3 tree);
    /// slots holding the same name share a rank.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] RankSlots()
    {
        var sorted = new int[_slotCount];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = i;
        var byName = new SlotOrder(_slots, _keys);
        sorted.AsSpan().Sort(byName);
        var rank = new int[_slotCount];
        int current = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && byName.Compare(sorted[i - 1], sorted[i]) != 0) current++;
            rank[sorted[i]] = current;
        }
        return rank;
    }

    private CompiledRRset BuildRRset(ReadOnlySpan<int> set, byte[][] data, ref int dataUsed)
    {
        ref readonly var first = ref _entries[set[0]];
        var type = first.Record.Type;
        long firstGroup = long.MaxValue, lastGroup = long.MinValue;
        int firstIndex = int.MaxValue, lastIndex = int.MinValue;
        ResourceRecord firstStored = first.Record, lastStored = first.Record;
        int dataStart = dataUsed;
        bool laterGroupAdded = false;
        for (int i = 0; i < set.Length; i++)
        {
            ref readonly var entry = ref _entries[set[i]];
            if (entry.Group < firstGroup) (firstGroup, firstStored) = (entry.Group, entry.Record);
            if (entry.Group > lastGroup) (lastGroup, lastStored) = (entry.Group, entry.Record);
            firstIndex = Math.Min(firstIndex, set[i]);
            lastIndex = Math.Max(lastIndex, set[i]);
        }
        for (int i = 0; i < set.Length; i++)
        {
            ref readonly var entry = ref _entries[set[i]];
            // The first of each run of equal RDATA is the record BIND keeps.
            if (i > 0 && RdataOrdering.Compare(type, _entries[set[i - 1]].Record.Data, entry.Record.Data) == 0) continue;
            data[dataUsed++] = entry.Record.Data;
            laterGroupAdded |= entry.Group != firstGroup;
        }
        return new CompiledRRset
        {
            Owner = firstStored.Owner,
            Type = type,
            Covers = first.Record.Covers,
            Class = _class,
            Ttl = lastStored.Ttl,
            Data = data.AsMemory(dataStart, dataUsed - dataStart),
            InNsec3Tree = _slots[first.Slot].Nsec3Tree,
            FirstPosition = _entries[firstIndex].Position,
            LastPosition = _entries[lastIndex].Position,
            FirstSequence = firstIndex,
            Resign = type == DnsType.RRSIG && !laterGroupAdded ? ResignTime(set, firstGroup) : null,
        };
    }

    /// <summary>BIND sets the re-sign time from the first group stored (the earliest expiry, or "now" for a
    /// signature whose inception is still to come) and loses it when a later group changes the TTL (a
    /// group adding records was ruled out by the caller).</summary>
    private uint? ResignTime(ReadOnlySpan<int> set, long firstGroup)
    {
        uint ttl = _entries[set[0]].Record.Ttl;
        uint? when = null;
        foreach (int index in set)
        {
            ref readonly var entry = ref _entries[index];
            if (entry.Record.Ttl != ttl) return null;
            if (entry.Group != firstGroup || entry.Record.Data.Length < 18) continue;
            var data = entry.Record.Data.AsSpan();
            uint expire = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
            uint inception = BinaryPrimitives.ReadUInt32BigEndian(data[12..]);
            uint candidate = SerialGreater(inception, _now) ? _now : expire;
            if (when is null || candidate < when) when = candidate;
        }
        return when;
    }

    private static bool SerialGreater(uint a, uint b) => a != b && unchecked((int)(a - b)) > 0;

    /// <summary>BIND's dump order at one owner: SOA, NS, then by type number, RRSIG after what it covers.</summary>
    internal static int DumpOrder(DnsType type, DnsType covers)
    {
        bool signature = type == DnsType.RRSIG;
        int t = (int)(signature ? covers : type);
        t = t switch
        {
            (int)DnsType.SOA => 0,
            (int)DnsType.NS => 1,
            _ => t + 2,
        };
        return (t << 1) + (signature ? 1 : 0);
    }

    private struct Entry
    {
        public ResourceRecord Record;
        public ZoneFilePosition Position;
        public long Group;
        public int Slot;
    }

    private readonly record struct Slot(bool Nsec3Tree, int Offset, int Length);

    // Classes, not structs: the span sort takes an IComparer and would box a struct on every call.
    private sealed class SlotOrder(Slot[] slots, byte[] keys) : IComparer<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(int x, int y)
        {
            ref readonly var a = ref slots[x];
            ref readonly var b = ref slots[y];
            if (a.Nsec3Tree != b.Nsec3Tree) return a.Nsec3Tree ? 1 : -1;
            return keys.AsSpan(a.Offset, a.Length).SequenceCompareTo(keys.AsSpan(b.Offset, b.Length));
        }
    }

    private sealed class EntryOrder(Entry[] entries) : IComparer<int>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(int x, int y)
        {
            var a = entries[x];
            var b = entries[y];
            int c = a.Record.Covers.CompareTo(b.Record.Covers);
            if (c != 0) return c;
            c = RdataOrdering.Compare(a.Record.Type, a.Record.Data, b.Record.Data);
            if (c != 0) return c;
            c = a.Group.CompareTo(b.Group);
            return c != 0 ? c : y.CompareTo(x);
        }
    }
}
