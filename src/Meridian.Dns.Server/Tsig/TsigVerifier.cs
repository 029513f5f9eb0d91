using System.Buffers.Binary;
using System.Security.Cryptography;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tsig;

/// <summary>What checking a message's TSIG found (RFC 8945 §5.2).</summary>
public enum TsigStatus
{
    /// <summary>The message carries no TSIG.</summary>
    Unsigned,
    Valid,
    /// <summary>Unknown key, or a known key with another algorithm: answered NOTAUTH/BADKEY, unsigned.</summary>
    BadKey,
    /// <summary>The MAC does not verify: answered NOTAUTH/BADSIG, unsigned.</summary>
    BadSig,
    /// <summary>Signed too far from our clock: answered NOTAUTH/BADTIME, signed.</summary>
    BadTime,
    /// <summary>A TSIG not last in the message, or unreadable: answered FORMERR.</summary>
    Malformed,
}

/// <summary>The outcome of <see cref="TsigVerifier.Verify"/>: the status, the TSIG record read and the key it names.</summary>
internal sealed record TsigCheck(TsigStatus Status, TsigRecord? Record, TsigKey? Key);

/// <summary>The one TSIG verifier of the DNS server (the DNS counterpart of the HTTP authentication handlers): looks
/// the key up, checks the MAC in constant time, then the time. Used for every signed message: queries, transfers,
/// updates, and the answers to our NOTIFY messages.</summary>
public sealed class TsigVerifier(ITsigKeyring keys, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public ITsigKeyring Keys => keys;

    /// <summary>Seconds since the epoch, as TSIG counts time.</summary>
    internal ulong Now => (ulong)_time.GetUtcNow().ToUnixTimeSeconds();

    internal TsigCheck Verify(ReadOnlySpan<byte> message)
    {
        if (!TsigRecord.TryFind(message, out var tsig, out bool malformed))
            return new TsigCheck(malformed ? TsigStatus.Malformed : TsigStatus.Unsigned, null, null);
        var key = keys.Find(tsig!.KeyName);
        if (key is null || !TsigAlgorithms.TryFromWire(tsig.AlgorithmName, out var algorithm) || algorithm != key.Algorithm)
            return new TsigCheck(TsigStatus.BadKey, tsig, null);
        if (!MacVerifies(key, tsig, RequestDigest(message, tsig, key)))
            return new TsigCheck(TsigStatus.BadSig, tsig, key);
        ulong now = Now;
        ulong distance = now > tsig.TimeSigned ? now - tsig.TimeSigned : tsig.TimeSigned - now;
        if (distance > tsig.Fudge) return new TsigCheck(TsigStatus.BadTime, tsig, key);
        return new TsigCheck(TsigStatus.Valid, tsig, key);
    }

    /// <summary>Verifies a response to a message we signed with <paramref name="key"/> (the answer to our NOTIFY).</summary>
    internal static bool VerifyResponse(ReadOnlySpan<byte> message, TsigKey key, byte[] requestMac)
    {
        if (!TsigRecord.TryFind(message, out var tsig, out _) || !tsig!.KeyName.Equals(key.Name) || tsig.Error != 0) return false;
        using var hmac = TsigAlgorithms.CreateHmac(key.Algorithm, key.Secret);
        TsigSigner.AppendMacPrefix(hmac, requestMac);
        AppendMessageWithoutTsig(hmac, message, tsig);
        TsigSigner.AppendVariables(hmac, key, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData, timersOnly: false);
        return MacVerifies(key, tsig, hmac.GetHashAndReset());
    }

    private static byte[] RequestDigest(ReadOnlySpan<byte> message, TsigRecord tsig, TsigKey key)
    {
        using var hmac = TsigAlgorithms.CreateHmac(key.Algorithm, key.Secret);
        AppendMessageWithoutTsig(hmac, message, tsig);
        TsigSigner.AppendVariables(hmac, key, tsig.TimeSigned, tsig.Fudge, tsig.Error, tsig.OtherData, timersOnly: false);
        return hmac.GetHashAndReset();
    }

    /// <summary>The message as it was before signing: the original id, one additional record fewer, no TSIG.</summary>
    private static void AppendMessageWithoutTsig(IncrementalHash hmac, ReadOnlySpan<byte> message, TsigRecord tsig)
    {
        Span<byte> header = stackalloc byte[DnsHeader.Length];
        message[..DnsHeader.Length].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header, tsig.OriginalId);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(header[10..]) - 1));
        hmac.AppendData(header);
        hmac.AppendData(message[DnsHeader.Length..tsig.Start]);
    }

    /// <summary>A MAC may be truncated to no less than half the hash and 10 octets (RFC 8945 §5.2.2.1); compared in constant time.</summary>
    private static bool MacVerifies(TsigKey key, TsigRecord tsig, byte[] expected)
    {
        int full = TsigAlgorithms.MacLength(key.Algorithm);
        int length = tsig.Mac.Length;
        if (length > full || length < Math.Max(10, full / 2)) return false;
        return CryptographicOperations.FixedTimeEquals(tsig.Mac, expected.AsSpan(0, length));
    }
}
