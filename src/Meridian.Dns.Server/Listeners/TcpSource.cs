using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Meridian.Dns.Server.Listeners;

/// <summary>Who a TCP connection counts against for <c>Dns:MaxTcpConnectionsPerSource</c>: an IPv4 address, or
/// the /64 an IPv6 address is in. A /64 is what one subscriber usually gets, so hopping between its 2^64
/// addresses gains an attacker nothing.</summary>
internal readonly record struct TcpSource(AddressFamily Family, ulong Prefix)
{
    public static TcpSource Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out int written)) return default;
        return written == 4
            ? new TcpSource(AddressFamily.InterNetwork, BinaryPrimitives.ReadUInt32BigEndian(bytes))
            : new TcpSource(AddressFamily.InterNetworkV6, BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }
}
