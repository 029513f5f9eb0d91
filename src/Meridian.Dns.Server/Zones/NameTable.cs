namespace Meridian.Dns.Server.Zones;

/// <summary>An immutable open-addressing table from lowercase wire names (held in one arena) to an
/// index. Lookups take a span and allocate nothing.</summary>
internal sealed class NameTable
{
    // Each slot carries the hash and where the key starts, so a lookup touches the slot and then the key's
    // bytes: two cache misses in a large zone rather than four (slot, hash, offset, key).
    private readonly Slot[] _slots;
    private readonly int[] _offsets;      // per entry: start of the key in the arena
    private readonly byte[] _arena;
    private readonly int _mask;

    private struct Slot
    {
        public uint Hash;
        public int Offset;
        public int Entry;                 // entry index + 1; 0 = empty
    }

    /// <summary>Builds the table over keys stored back to back in <paramref name="arena"/>; entry i's key
    /// starts at <paramref name="offsets"/>[i] and is a complete wire name (its length is implied).</summary>
    public NameTable(byte[] arena, int[] offsets, int count)
    {
        _arena = arena;
        _offsets = offsets;
        int size = 16;
        while (size < count * 2) size <<= 1;
        _slots = new Slot[size];
        _mask = size - 1;
        for (int i = 0; i < count; i++)
        {
            uint hash = NameHash.Compute(Key(i));
            int slot = (int)(hash & (uint)_mask);
            while (_slots[slot].Entry != 0) slot = (slot + 1) & _mask;
            _slots[slot] = new Slot { Hash = hash, Offset = offsets[i], Entry = i + 1 };
        }
    }

    public ReadOnlySpan<byte> Key(int index) => KeyAt(_arena, _offsets[index]);

    /// <summary>The complete wire name that starts at <paramref name="offset"/>.</summary>
    public static ReadOnlySpan<byte> KeyAt(byte[] arena, int offset)
    {
        int i = offset;
        while (arena[i] != 0) i += arena[i] + 1;
        return arena.AsSpan(offset, i + 1 - offset);
    }

    /// <summary>The entry index of a lowercase wire name, or -1.</summary>
    public int Find(ReadOnlySpan<byte> lowercaseName) => Find(lowercaseName, NameHash.Compute(lowercaseName));

    /// <summary>As <see cref="Find(ReadOnlySpan{byte})"/>, with the name's <see cref="NameHash"/> already known.</summary>
    public int Find(ReadOnlySpan<byte> lowercaseName, uint hash)
    {
        int slot = (int)(hash & (uint)_mask);
        while (true)
        {
            ref readonly var candidate = ref _slots[slot];
            if (candidate.Entry == 0) return -1;
            if (candidate.Hash == hash && _arena.AsSpan(candidate.Offset).StartsWith(lowercaseName)) return candidate.Entry - 1;
            slot = (slot + 1) & _mask;
        }
    }
}
