namespace Meridian.Dns.Server.Zones;

/// <summary>The names changed since a zone's last full build: name → its current node, or -1 when it no
/// longer exists. Looked up before the full build's <see cref="NameTable"/>.
/// <para>One overlay is one snapshot's view of arrays that the zone's later changes append to, the way
/// <see cref="ZoneStorage"/> is shared: a change costs the names it sets, not the size of the overlay.
/// Every setting of a name is a new entry that links to the name's previous entry, and the name's slot
/// points at the newest; a view reads only entries below its own count, following the links back past
/// newer ones. When the entries are full the latest setting of each name is copied into new arrays, which
/// the older views never see because they keep their own references.</para>
/// Only the newest view may be extended (the zone's <see cref="ZoneStorage.Tip"/>, under its append lock).</summary>
internal sealed class NodeOverlay
{
    private readonly EntryArrays _entries;
    private readonly int _visible;      // entries [0, _visible) belong to this view

    public static NodeOverlay Empty { get; } = new(new EntryArrays(0), 0, 0);

    private NodeOverlay(EntryArrays entries, int visible, int count)
    {
        _entries = entries;
        _visible = visible;
        Count = count;
    }

    /// <summary>Distinct names the overlay holds.</summary>
    public int Count { get; }

    /// <summary>True when the overlay knows the name; <paramref name="node"/> is then its node or -1.</summary>
    public bool TryFind(ReadOnlySpan<byte> lowercaseName, uint hash, out int node)
    {
        int entry = _entries.Find(lowercaseName, hash, _visible);
        node = entry < 0 ? -1 : _entries.Nodes[entry];
        return entry >= 0;
    }

    /// <summary>Every name the overlay holds, with its node (-1 for deleted).</summary>
    public IEnumerable<(int NameOffset, int Node)> Entries()
    {
        var slots = _entries.Slots;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            int entry = _entries.VisibleVersion(Volatile.Read(ref slots[slot]) - 1, _visible);
            if (entry >= 0) yield return (_entries.Offsets[entry], _entries.Nodes[entry]);
        }
    }

    /// <summary>The next view: this one with each changed name mapped to its node. <paramref name="arena"/> is
    /// the zone's current name arena (it may have been reallocated).</summary>
    public NodeOverlay With(byte[] arena, IReadOnlyList<OverlayChange> changes)
    {
        var entries = _entries;
        if (entries.Used + changes.Count > entries.Capacity) entries = entries.Compacted(Count + changes.Count);
        entries.Arena = arena;
        int count = Count;
        foreach (var change in changes)
        {
            if (entries.Set(NameTable.KeyAt(arena, change.NameOffset), change)) count++;
        }
        return new NodeOverlay(entries, entries.Used, count);
    }

    /// <summary>The shared arrays. Entries are written before the slot that points at them, so a reader that
    /// finds an entry through a slot sees it whole.</summary>
    private sealed class EntryArrays
    {
        public readonly int[] Slots;        // newest entry of a name + 1; 0 = empty
        public readonly uint[] Hashes;
        public readonly int[] Offsets;      // the name's offset in the zone's name arena
        public readonly int[] Nodes;        // node index or -1 (deleted)
        public readonly int[] Previous;     // the name's previous entry, or -1
        public byte[] Arena = [];
        public int Used;

        public EntryArrays(int capacity)
        {
            int size = 16;
            while (size < capacity * 2) size <<= 1;
            Slots = new int[size];
            Hashes = new uint[capacity];
            Offsets = new int[capacity];
            Nodes = new int[capacity];
            Previous = new int[capacity];
        }

        public int Capacity => Hashes.Length;

        /// <summary>The newest entry of the name below <paramref name="visible"/>, or -1.</summary>
        public int Find(ReadOnlySpan<byte> name, uint hash, int visible)
        {
            int mask = Slots.Length - 1;
            for (int slot = (int)(hash & (uint)mask); ; slot = (slot + 1) & mask)
            {
                int entry = Volatile.Read(ref Slots[slot]) - 1;
                if (entry < 0) return -1;
                // Every entry reachable from a slot is a setting of the same name, so the newest one is enough to compare.
                if (Hashes[entry] == hash && Arena.AsSpan(Offsets[entry]).StartsWith(name)) return VisibleVersion(entry, visible);
            }
        }

        public int VisibleVersion(int entry, int visible)
        {
            while (entry >= visible) entry = Previous[entry];
            return entry;
        }

        /// <summary>Appends a setting of the name; true when the name is new to the overlay.</summary>
        public bool Set(ReadOnlySpan<byte> name, OverlayChange change)
        {
            int mask = Slots.Length - 1;
            int slot = (int)(change.Hash & (uint)mask);
            int previous;
            while (true)
            {
                previous = Slots[slot] - 1;
                if (previous < 0 || (Hashes[previous] == change.Hash && Arena.AsSpan(Offsets[previous]).StartsWith(name))) break;
                slot = (slot + 1) & mask;
            }
            int entry = Used++;
            Hashes[entry] = change.Hash;
            Offsets[entry] = change.NameOffset;
            Nodes[entry] = change.Node;
            Previous[entry] = previous;
            Volatile.Write(ref Slots[slot], entry + 1);
            return previous < 0;
        }

        /// <summary>New arrays holding the newest setting of each name, with room for twice the names (and at
        /// least <paramref name="names"/>), so copying costs about one entry per entry appended since.</summary>
        public EntryArrays Compacted(int names)
        {
            var compacted = new EntryArrays(Math.Max(64, 2 * names)) { Arena = Arena };
            for (int slot = 0; slot < Slots.Length; slot++)
            {
                int entry = Slots[slot] - 1;
                if (entry < 0) continue;
                compacted.Set(NameTable.KeyAt(Arena, Offsets[entry]), new OverlayChange(Offsets[entry], Hashes[entry], Nodes[entry]));
            }
            return compacted;
        }
    }
}

/// <summary>One name's new node in an overlay (-1 = the name no longer exists).</summary>
internal readonly record struct OverlayChange(int NameOffset, uint Hash, int Node);
