using System.Runtime.CompilerServices;
using Meridian.Dns.Names;

namespace Meridian.Dns.Wire;

/// <summary>Where in the message each name suffix written so far begins, for name compression. A fixed
/// table: no allocation, and when it is full later names are still compressed against what it holds.
/// Each entry keeps the suffix's uncompressed length, so a lookup compares octets only with entries of
/// the same length; that keeps the cost per name bounded by the table size, whatever the name.</summary>
internal struct NameCompressionTable
{
    public const int Capacity = 64;

    /// <summary>Pointers carry 14 bits of offset (RFC 1035 §4.1.4).</summary>
    public const int MaxPointerOffset = 0x3FFF;

    private OffsetArray _offsets;
    private LengthArray _lengths;
    private int _count;

    public readonly int Count => _count;

    /// <summary>Forgets entries added after the first <paramref name="count"/> (rollback).</summary>
    public void Truncate(int count) => _count = Math.Min(count, _count);

    public void Add(int offset, int suffixLength)
    {
        if (_count == Capacity || offset > MaxPointerOffset) return;
        _offsets[_count] = (ushort)offset;
        _lengths[_count] = (byte)suffixLength;
        _count++;
    }

    /// <summary>The offset of a written name equal (ignoring ASCII case) to <paramref name="suffix"/>
    /// (uncompressed wire form), or -1.</summary>
    public readonly int Find(ReadOnlySpan<byte> message, ReadOnlySpan<byte> suffix)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_lengths[i] == suffix.Length && Matches(message, _offsets[i], suffix)) return _offsets[i];
        }
        return -1;
    }

    /// <summary>Compares a written name (which may end in a pointer) with an uncompressed one, label by label.</summary>
    private static bool Matches(ReadOnlySpan<byte> message, int offset, ReadOnlySpan<byte> name)
    {
        int position = offset;
        int at = 0;
        int pointers = 0;
        while (true)
        {
            if ((uint)position >= (uint)message.Length || at >= name.Length) return false;
            int octet = message[position];
            if ((octet & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length || ++pointers > WireNameReader.MaxPointers) return false;
                position = ((octet & 0x3F) << 8) | message[position + 1];
                continue;
            }
            if (octet != name[at]) return false;
            if (octet == 0) return true;
            if (position + 1 + octet > message.Length || at + 1 + octet > name.Length) return false;
            if (!DnsName.WireEqualsIgnoreCase(message.Slice(position + 1, octet), name.Slice(at + 1, octet))) return false;
            position += 1 + octet;
            at += 1 + octet;
        }
    }

    [InlineArray(Capacity)]
    private struct OffsetArray
    {
        private ushort _element;
    }

    [InlineArray(Capacity)]
    private struct LengthArray
    {
        private byte _element;
    }
}
