using System.Buffers.Binary;
using Meridian.Dns.Names;

namespace Meridian.Dns.Rdata;

/// <summary>A reusable buffer that rdata parsers append wire octets to. RDATA is at most 65,535 octets;
/// appending past that sets <see cref="Overflowed"/> instead of throwing.</summary>
public sealed class RdataBuilder
{
    public const int MaxLength = ushort.MaxValue;

    private byte[] _buffer = new byte[512];

    public int Length { get; private set; }

    /// <summary>Set once an append would have gone past 65,535 octets; the content is then incomplete.</summary>
    public bool Overflowed { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear()
    {
        Length = 0;
        Overflowed = false;
    }

    public byte[] ToArray() => Written.ToArray();

    /// <summary>Reserves <paramref name="count"/> octets and returns them for the caller to fill.</summary>
    public Span<byte> Append(int count)
    {
        if (Length + count > MaxLength)
        {
            Overflowed = true;
            return new byte[count];
        }
        if (Length + count > _buffer.Length)
            Array.Resize(ref _buffer, Math.Min(MaxLength, Math.Max(_buffer.Length * 2, Length + count)));
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void WriteByte(byte value) => Append(1)[0] = value;

    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16BigEndian(Append(2), value);

    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32BigEndian(Append(4), value);

    public void WriteBytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Append(bytes.Length));

    /// <summary>Appends a name in uncompressed wire form (RDATA in zones is never compressed).</summary>
    public void WriteName(DnsName name) => WriteBytes(name.Wire);

    /// <summary>Overwrites a 16-bit value written earlier (for lengths known only afterwards).</summary>
    public void PatchUInt16(int offset, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(offset, 2), value);

    /// <summary>Overwrites one octet written earlier.</summary>
    public void PatchByte(int offset, byte value) => _buffer[offset] = value;
}
