using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Meridian.Platform.Storage;

/// <summary>Time-ordered row ids (UUID version 7, RFC 9562 §5.7) for the rows written in bulk: records and
/// audit events. <see cref="Guid.CreateVersion7()"/> asks the kernel for random bytes on every call (a read
/// of /dev/urandom: a fifth of a 100,000-record import's record building); these ids take the same
/// cryptographic randomness from a per-thread buffer filled 4 KB at a time.</summary>
internal static class RowIds
{
    private const int BufferSize = 4096;
    private const int RandomBytesPerId = 10; // 16 bytes less the 48-bit timestamp

    [ThreadStatic] private static byte[]? t_random;
    [ThreadStatic] private static int t_used;

    public static Guid NewVersion7() => NewVersion7(DateTimeOffset.UtcNow);

    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes[6..]);
        long milliseconds = at.ToUnixTimeMilliseconds();
        // 48-bit big-endian Unix milliseconds, then the version and variant bits over the random ones.
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static void TakeRandom(Span<byte> destination)
    {
        var random = t_random;
        if (random is null || t_used + RandomBytesPerId > BufferSize)
        {
            random = t_random ??= new byte[BufferSize];
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }
        // Each byte is handed out once: the next id starts where this one ended.
        random.AsSpan(t_used, RandomBytesPerId).CopyTo(destination);
        t_used += RandomBytesPerId;
    }
}
