using System.Buffers.Binary;
using System.Security.Cryptography;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tsig;

/// <summary>Signs the messages of one exchange with one key (RFC 8945 §5.3): the first response's MAC covers the
/// request's MAC, each later message of a multi-message answer (AXFR, IXFR) covers the previous MAC and only the
/// timers (§5.3.1). Requests we send (NOTIFY) are signed with <see cref="SignRequest"/>.</summary>
internal sealed class TsigSigner
{
    /// <summary>Room a TSIG record may take at most: owner and algorithm names, fixed fields, a 64-octet MAC, 6 octets of other data.</summary>
    public const int MaxRecordLength = DnsName.MaxWireLength + 10 + 16 + 16 + 64 + 6;

    private const ushort DefaultFudge = 300;

    /// <summary>Octets the TSIG of a normal (not BADTIME) message signed with <paramref name="key"/> takes.</summary>
    public static int RecordLength(TsigKey key) =>
        key.Name.WireLength + 10 + TsigAlgorithms.WireName(key.Algorithm).WireLength + 16 + TsigAlgorithms.MacLength(key.Algorithm);

    private readonly TsigKey _key;
    private readonly ushort _originalId;
    private byte[] _priorMac;
    private bool _first = true;

    /// <summary>Answers a request signed with <paramref name="key"/>, whose MAC the first response covers.</summary>
    public TsigSigner(TsigKey key, byte[] requestMac, ushort originalId)
    {
        _key = key;
        _priorMac = requestMac;
        _originalId = originalId;
    }

    public TsigKey Key => _key;

    /// <summary>The MAC of the last message signed.</summary>
    public byte[] LastMac => _priorMac;

    /// <summary>Appends a TSIG to the message in <paramref name="buffer"/>[..<paramref name="length"/>] and returns the new
    /// length (-1 when it does not fit). <paramref name="otherData"/> is the server time for BADTIME.</summary>
    public int Sign(Span<byte> buffer, int length, ulong now, DnsRcode error = DnsRcode.NoError, ulong? timeSigned = null, ReadOnlySpan<byte> otherData = default)
    {
        ulong time = timeSigned ?? now;
        using var hmac = TsigAlgorithms.CreateHmac(_key.Algorithm, _key.Secret);
        AppendMacPrefix(hmac, _priorMac);
        hmac.AppendData(buffer[..length]);
        AppendVariables(hmac, _key, time, DefaultFudge, (ushort)error, otherData, timersOnly: !_first);
        var mac = hmac.GetHashAndReset();
        _priorMac = mac;
        _first = false;
        return Append(buffer, length, _key.Name, TsigAlgorithms.WireName(_key.Algorithm), time, DefaultFudge, mac, _originalId, (ushort)error, otherData);
    }

    /// <summary>Signs a request of ours (a NOTIFY) and returns its MAC, which the response's MAC covers.</summary>
    public static int SignRequest(Span<byte> buffer, int length, TsigKey key, ulong now, out byte[] mac)
    {
        using var hmac = TsigAlgorithms.CreateHmac(key.Algorithm, key.Secret);
        hmac.AppendData(buffer[..length]);
        AppendVariables(hmac, key, now, DefaultFudge, 0, default, timersOnly: false);
        mac = hmac.GetHashAndReset();
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(buffer);
        return Append(buffer, length, key.Name, TsigAlgorithms.WireName(key.Algorithm), now, DefaultFudge, mac, id, 0, default);
    }

    /// <summary>The unsigned TSIG of a BADKEY or BADSIG answer (RFC 8945 §5.2.1, §5.2.2): the request's key and
    /// algorithm names, an empty MAC.</summary>
    public static int AppendUnsigned(Span<byte> buffer, int length, TsigRecord request, DnsRcode error, ulong now) =>
        Append(buffer, length, request.KeyName, request.AlgorithmName, now, DefaultFudge, [], request.OriginalId, (ushort)error, default);

    internal static void AppendMacPrefix(IncrementalHash hmac, byte[] priorMac)
    {
        Span<byte> size = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(size, (ushort)priorMac.Length);
        hmac.AppendData(size);
        hmac.AppendData(priorMac);
    }

    /// <summary>The TSIG variables of RFC 8945 §4.3.3, or only the timers for a later message of a stream (§4.3.2).</summary>
    internal static void AppendVariables(IncrementalHash hmac, TsigKey key, ulong timeSigned, ushort fudge, ushort error, ReadOnlySpan<byte> otherData, bool timersOnly)
    {
        Span<byte> timers = stackalloc byte[8];
        WriteTime(timers, timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(timers[6..], fudge);
        if (timersOnly)
        {
            hmac.AppendData(timers);
            return;
        }
        hmac.AppendData(key.Name.Wire);
        Span<byte> classTtl = [0, 255, 0, 0, 0, 0];
        hmac.AppendData(classTtl);
        hmac.AppendData(TsigAlgorithms.WireName(key.Algorithm).Wire);
        hmac.AppendData(timers);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(tail, error);
        BinaryPrimitives.WriteUInt16BigEndian(tail[2..], (ushort)otherData.Length);
        hmac.AppendData(tail);
        hmac.AppendData(otherData);
    }

    internal static void WriteTime(Span<byte> destination, ulong seconds)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(seconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)seconds);
    }

    private static int Append(Span<byte> buffer, int length, DnsName keyName, DnsName algorithm, ulong time, ushort fudge, ReadOnlySpan<byte> mac,
        ushort originalId, ushort error, ReadOnlySpan<byte> otherData)
    {
        int rdataLength = algorithm.WireLength + 10 + mac.Length + 6 + otherData.Length;
        int total = keyName.WireLength + 10 + rdataLength;
        if (length + total > buffer.Length || length + total > ushort.MaxValue) return -1;
        var rr = buffer.Slice(length, total);
        keyName.Wire.CopyTo(rr);
        int p = keyName.WireLength;
        BinaryPrimitives.WriteUInt16BigEndian(rr[p..], (ushort)DnsType.TSIG);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 2)..], (ushort)DnsClass.ANY);
        BinaryPrimitives.WriteUInt32BigEndian(rr[(p + 4)..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 8)..], (ushort)rdataLength);
        p += 10;
        algorithm.Wire.CopyTo(rr[p..]);
        p += algorithm.WireLength;
        WriteTime(rr[p..], time);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 6)..], fudge);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 8)..], (ushort)mac.Length);
        p += 10;
        mac.CopyTo(rr[p..]);
        p += mac.Length;
        BinaryPrimitives.WriteUInt16BigEndian(rr[p..], originalId);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 2)..], error);
        BinaryPrimitives.WriteUInt16BigEndian(rr[(p + 4)..], (ushort)otherData.Length);
        otherData.CopyTo(rr[(p + 6)..]);
        ushort additional = BinaryPrimitives.ReadUInt16BigEndian(buffer[10..]);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[10..], (ushort)(additional + 1));
        return length + total;
    }
}
