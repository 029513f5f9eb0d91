using System.Buffers.Binary;

namespace Meridian.Dns.Rdata.Fields;

/// <summary>Reads and writes big-endian unsigned values of 1, 2 or 4 octets.</summary>
internal static class WireNumbers
{
    public static bool TryRead(ReadOnlySpan<byte> rdata, ref int offset, int size, out uint value)
    {
        value = 0;
        if (offset + size > rdata.Length) return false;
        var bytes = rdata.Slice(offset, size);
        value = size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        };
        offset += size;
        return true;
    }

    public static void Write(RdataBuilder output, int size, uint value)
    {
        if (size == 1) output.WriteByte((byte)value);
        else if (size == 2) output.WriteUInt16((ushort)value);
        else output.WriteUInt32(value);
    }

    public static uint MaxValue(int size) => size switch { 1 => byte.MaxValue, 2 => ushort.MaxValue, _ => uint.MaxValue };
}
