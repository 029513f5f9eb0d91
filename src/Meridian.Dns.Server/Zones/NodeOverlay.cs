namespace Meridian.Dns.Server.Zones;

/// <summary>The names changed since a zone's last full build: name → its current node, or -1 when it no
/// longer exists. Looked up before the full build's <see cref="NameTable"/>. Immutable once built; a change
/// makes a copy with its own names set, which costs the size of the overlay, not of the zone.</summary>
internal sealed class NodeOverlay
{
    private readonly int[] _slots;      // entry index + 1; 0 = empty
    private readonly uint[] _hashes;    // per entry
    private readonly int[] _offsets;    // per entry: the name's offset in the zone's name arena
    private readonly int[] _nodes;      // per entry: node index or -1 (deleted)
    private readonly byte[] _arena;
    private readonly int _mask;

    public static NodeOverlay Empty { get; } = new(new int[16], [], [], [], [], 0);

    private NodeOverlay(int[] slots, uint[] hashes, int[] offsets, int[] nodes, byte[] arena, int count)
    {
        _slots = slots;
        _hashes = hashes;
        _offsets = offsets;
        _nodes = nodes;
        _arena = arena;
        _mask = slots.Length - 1;
        Count = count;
    }

    public int Count { get; }

    /// <summary>True when the overlay knows the name; <paramref name="node"/> is then its node or -1.</summary>
    public bool TryFind(ReadOnlySpan<byte> lowercaseName, uint hash, out int node)
    {
        int slot = (int)(hash & (uint)_mask);
        while (true)
        {
            int entry = _slots[slot] - 1;
            if (entry < 0)
            {
                node = -1;
                return false;
            }
            if (_hashes[entry] == hash && _arena.AsSpan(_offsets[entry]).StartsWith(lowercaseName))
            {
                node = _nodes[entry];
                return true;
            }
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Every name the overlay holds, with its node (-1 for deleted).</summary>
    public IEnumerable<(int NameOffset, int Node)> Entries()
    {
        for (int i = 0; i < Count; i++) yield return (_offsets[i], _nodes[i]);
    }

    /// <summary>A copy that also maps each changed name to its node; names already present are updated.
    /// <paramref name="arena"/> is the zone's current name arena (it may have been reallocated).</summary>
    public NodeOverlay With(byte[] arena, IReadOnlyList<OverlayChange> changes)
    {
        int capacity = Count + changes.Count;
        int size = _slots.Length;
        while (size < capacity * 2) size <<= 1;
        var slots = size == _slots.Length ? (int[])_slots.Clone() : new int[size];
        var hashes = new uint[capacity];
        var offsets = new int[capacity];
        var nodes = new int[capacity];
        _hashes.AsSpan(0, Count).CopyTo(hashes);
        _offsets.AsSpan(0, Count).CopyTo(offsets);
        _nodes.AsSpan(0, Count).CopyTo(nodes);
        int mask = size - 1;
        if (size != _slots.Length)
        {
            for (int i = 0; i < Count; i++) Insert(slots, mask, hashes[i], i);
        }
        var copy = new NodeOverlay(slots, hashes, offsets, nodes, arena, Count);
        int count = Count;
        foreach (var change in changes)
        {
            var name = NameTable.KeyAt(arena, change.NameOffset);
            if (copy.TryFindEntry(name, change.Hash, count, out int entry))
            {
                nodes[entry] = change.Node;
                continue;
            }
            hashes[count] = change.Hash;
            offsets[count] = change.NameOffset;
            nodes[count] = change.Node;
            Insert(slots, mask, change.Hash, count);
            count++;
        }
        return count == capacity ? new NodeOverlay(slots, hashes, offsets, nodes, arena, count)
            : new NodeOverlay(slots, hashes[..count], offsets[..count], nodes[..count], arena, count);
    }

    private bool TryFindEntry(ReadOnlySpan<byte> name, uint hash, int count, out int entry)
    {
        int slot = (int)(hash & (uint)_mask);
        while (true)
        {
            entry = _slots[slot] - 1;
            if (entry < 0) return false;
            if (entry < count && _hashes[entry] == hash && _arena.AsSpan(_offsets[entry]).StartsWith(name)) return true;
            slot = (slot + 1) & _mask;
        }
    }

    private static void Insert(int[] slots, int mask, uint hash, int entry)
    {
        int slot = (int)(hash & (uint)mask);
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = entry + 1;
    }
}

/// <summary>One name's new node in an overlay (-1 = the name no longer exists).</summary>
internal readonly record struct OverlayChange(int NameOffset, uint Hash, int Node);
