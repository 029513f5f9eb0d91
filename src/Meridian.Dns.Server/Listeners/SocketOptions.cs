using System.Net;
using System.Net.Sockets;

namespace Meridian.Dns.Server.Listeners;

/// <summary>Socket details the BCL does not expose directly.</summary>
internal static class SocketOptions
{
    private const int SolSocket = 1;     // Linux SOL_SOCKET
    private const int SoReusePort = 15;  // Linux SO_REUSEPORT

    /// <summary>Lets several sockets bind the same UDP port so the kernel spreads packets over them.</summary>
    public static void EnableReusePort(Socket socket)
    {
        if (OperatingSystem.IsLinux())
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
        else
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
    }

    /// <summary>The address octets inside a sockaddr (4 for IPv4, 16 for IPv6), without allocating.</summary>
    public static ReadOnlySpan<byte> AddressBytes(SocketAddress address)
    {
        var buffer = address.Buffer.Span;
        return address.Family switch
        {
            AddressFamily.InterNetwork when buffer.Length >= 8 => buffer.Slice(4, 4),
            AddressFamily.InterNetworkV6 when buffer.Length >= 24 => buffer.Slice(8, 16),
            _ => default,
        };
    }
}
