using System.Net;
using System.Net.Sockets;

namespace Meridian.Web.Tests.Support;

/// <summary>Loopback ports nobody holds at the moment, for listeners that must be configured before they start.</summary>
internal static class FreePorts
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both UDP and TCP (a DNS listener takes both).</summary>
    public static int UdpAndTcp()
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int port = Tcp();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // taken for UDP; try another
            }
        }
        throw new InvalidOperationException("no free UDP+TCP port on loopback");
    }
}
