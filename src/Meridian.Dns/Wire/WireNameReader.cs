using Meridian.Dns.Names;

namespace Meridian.Dns.Wire;

/// <summary>Reads possibly compressed names out of a message (RFC 1035 §4.1.4) with a bounded loop.
/// A pointer must point strictly before the start of the label sequence that contains it, so every
/// jump goes backwards and no crafted packet can loop; names stay within 255 octets and 63-octet labels.</summary>
public static class WireNameReader
{
    /// <summary>Most compression pointers followed in one name. A name has at most 127 labels, and a
    /// compressor never needs more than one pointer per label.</summary>
    public const int MaxPointers = 128;

    /// <summary>Reads the name at <paramref name="offset"/> and writes it uncompressed into
    /// <paramref name="output"/> (255 octets always suffice), optionally with ASCII letters lowercased.
    /// On success <paramref name="offset"/> moves past the name as it sits in the message.</summary>
    public static WireError Read(ReadOnlySpan<byte> message, ref int offset, Span<byte> output, bool lowercase, out int nameLength) =>
        Walk(message, ref offset, output, copy: true, lowercase, out nameLength);

    /// <summary>Checks the name at <paramref name="offset"/> and moves past it without copying it.</summary>
    public static WireError Skip(ReadOnlySpan<byte> message, ref int offset, out int nameLength) =>
        Walk(message, ref offset, default, copy: false, lowercase: false, out nameLength);

    /// <summary>Reads the name at <paramref name="offset"/> as a <see cref="DnsName"/> (allocates; not for the hot path).</summary>
    public static WireError Read(ReadOnlySpan<byte> message, ref int offset, out DnsName? name)
    {
        name = null;
        Span<byte> buffer = stackalloc byte[DnsName.MaxWireLength];
        var error = Read(message, ref offset, buffer, lowercase: false, out int length);
        if (error != WireError.None) return error;
        // The walk already enforced every limit TryFromWire checks, so this cannot fail.
        _ = DnsName.TryFromWire(buffer[..length], out name);
        return WireError.None;
    }

    private static WireError Walk(ReadOnlySpan<byte> message, ref int offset, Span<byte> output, bool copy, bool lowercase, out int nameLength)
    {
        nameLength = 0;
        int position = offset;
        int sequenceStart = offset;   // pointers must land strictly before this
        int resumeAt = -1;            // where the message continues after the name
        int length = 0;
        int pointers = 0;
        while (true)
        {
            if ((uint)position >= (uint)message.Length) return WireError.Truncated;
            int octet = message[position];
            switch (octet & 0xC0)
            {
                case 0x00 when octet == 0:
                    if (copy)
                    {
                        if (length >= output.Length) return WireError.BufferTooSmall;
                        output[length] = 0;
                    }
                    nameLength = length + 1;
                    offset = resumeAt >= 0 ? resumeAt : position + 1;
                    return WireError.None;

                case 0x00:
                    if (position + 1 + octet > message.Length) return WireError.Truncated;
                    // Leave room for the root octet that must still follow.
                    if (length + 1 + octet + 1 > DnsName.MaxWireLength) return WireError.NameTooLong;
                    if (copy)
                    {
                        if (length + 1 + octet > output.Length) return WireError.BufferTooSmall;
                        var label = message.Slice(position, 1 + octet);
                        var destination = output.Slice(length, 1 + octet);
                        label.CopyTo(destination);
                        if (lowercase) DnsName.LowercaseInPlace(destination[1..]);
                    }
                    length += 1 + octet;
                    position += 1 + octet;
                    break;

                case 0xC0:
                    if (position + 1 >= message.Length) return WireError.Truncated;
                    int target = ((octet & 0x3F) << 8) | message[position + 1];
                    if (target >= sequenceStart) return WireError.BadPointer;
                    if (++pointers > MaxPointers) return WireError.TooManyPointers;
                    if (resumeAt < 0) resumeAt = position + 2;
                    position = target;
                    sequenceStart = target;
                    break;

                default:
                    return WireError.BadLabelType;
            }
        }
    }
}
