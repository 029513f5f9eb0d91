using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Meridian.Dns.Server.Cookies;

/// <summary>DNS server cookies (RFC 7873) in RFC 9018's interoperable format: version 1, three reserved octets, a
/// 32-bit Unix timestamp, and SipHash-2-4 over client cookie, those eight octets and the client's address, keyed
/// with a secret made at random when the server starts (every worker of one server shares it, so a cookie one
/// worker gave is good at the others). Allocates nothing.</summary>
internal sealed class DnsCookies
{
    /// <summary>Octets of the server cookie this server gives.</summary>
    public const int ServerCookieLength = 16;

    /// <summary>Octets of a COOKIE option carrying a client cookie and a server cookie of ours.</summary>
    public const int OptionLength = 4 + 8 + ServerCookieLength;

    private const byte Version = 1;

    // RFC 9018 §4.3: a cookie is good for an hour after it was made, and a little clock skew between servers sharing
    // a secret is forgiven.
    private const long Lifetime = 3600;
    private const long FutureSkew = 300;

    private readonly ulong _k0;
    private readonly ulong _k1;
    private readonly Func<long> _unixSeconds;

    public DnsCookies(Func<long>? unixSeconds = null)
    {
        Span<byte> secret = stackalloc byte[16];
        RandomNumberGenerator.Fill(secret);
        _k0 = BinaryPrimitives.ReadUInt64LittleEndian(secret);
        _k1 = BinaryPrimitives.ReadUInt64LittleEndian(secret[8..]);
        _unixSeconds = unixSeconds ?? (() => DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    /// <summary>Writes the COOKIE option of a response (code, length, the client's cookie, a fresh server cookie)
    /// into <paramref name="output"/>, which has <see cref="OptionLength"/> octets.</summary>
    public void WriteOption(ReadOnlySpan<byte> clientCookie, ReadOnlySpan<byte> clientAddress, Span<byte> output)
    {
        BinaryPrimitives.WriteUInt16BigEndian(output, (ushort)Meridian.Dns.Wire.EdnsOptionCode.Cookie);
        BinaryPrimitives.WriteUInt16BigEndian(output[2..], 8 + ServerCookieLength);
        clientCookie.CopyTo(output[4..]);
        MakeServerCookie(clientCookie, clientAddress, (uint)_unixSeconds(), output.Slice(12, ServerCookieLength));
    }

    /// <summary>True when <paramref name="serverCookie"/> is one this server made for this client cookie and address
    /// within the last hour.</summary>
    public bool IsValid(ReadOnlySpan<byte> clientCookie, ReadOnlySpan<byte> serverCookie, ReadOnlySpan<byte> clientAddress)
    {
        if (serverCookie.Length != ServerCookieLength || serverCookie[0] != Version) return false;
        uint stamp = BinaryPrimitives.ReadUInt32BigEndian(serverCookie[4..]);
        // Serial-number arithmetic on the 32-bit timestamp (RFC 1982), so 2106 is no cliff.
        long age = (int)((uint)_unixSeconds() - stamp);
        if (age > Lifetime || age < -FutureSkew) return false;
        Span<byte> expected = stackalloc byte[ServerCookieLength];
        MakeServerCookie(clientCookie, clientAddress, stamp, expected, serverCookie[..8]);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, serverCookie);
    }

    private void MakeServerCookie(ReadOnlySpan<byte> clientCookie, ReadOnlySpan<byte> clientAddress, uint stamp, Span<byte> output,
        ReadOnlySpan<byte> header = default)
    {
        // Version, reserved (echoed as received when checking, RFC 9018 §4.2), timestamp.
        if (header.IsEmpty)
        {
            output[0] = Version;
            output[1] = output[2] = output[3] = 0;
        }
        else
        {
            header[..4].CopyTo(output);
        }
        BinaryPrimitives.WriteUInt32BigEndian(output[4..], stamp);
        Span<byte> input = stackalloc byte[8 + 8 + 16];
        clientCookie.CopyTo(input);
        output[..8].CopyTo(input[8..]);
        clientAddress.CopyTo(input[16..]);
        ulong hash = SipHash24.Compute(_k0, _k1, input[..(16 + clientAddress.Length)]);
        BinaryPrimitives.WriteUInt64LittleEndian(output[8..], hash);
    }
}
