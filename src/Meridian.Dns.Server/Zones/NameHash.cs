using System.Buffers.Binary;
using System.Numerics;

namespace Meridian.Dns.Server.Zones;

/// <summary>A fast non-cryptographic hash of lowercase wire names for the lookup tables. Query names
/// are attacker-chosen, so the hash is seeded per process to keep collisions from being planned.</summary>
internal static class NameHash
{
    private static readonly ulong s_seed = (ulong)Random.Shared.NextInt64() | 1;

    public static uint Compute(ReadOnlySpan<byte> name)
    {
        ulong h = s_seed ^ ((ulong)name.Length * 0x9E3779B97F4A7C15UL);
        while (name.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(name));
            name = name[8..];
        }
        ulong tail = 0;
        for (int i = 0; i < name.Length; i++) tail |= (ulong)name[i] << (8 * i);
        h = Mix(h ^ tail);
        return (uint)(h ^ (h >> 32));
    }

    private static ulong Mix(ulong x)
    {
        x *= 0xBF58476D1CE4E5B9UL;
        x = BitOperations.RotateLeft(x, 31);
        return x * 0x94D049BB133111EBUL;
    }
}
