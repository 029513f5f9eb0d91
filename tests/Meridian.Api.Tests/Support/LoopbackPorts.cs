using System.Net;
using System.Net.Sockets;

namespace Meridian.Api.Tests.Support;

/// <summary>Ports free on 127.0.0.1 right now, for a server started moments later (tests run side by side, so none
/// uses a fixed port). Also compiled into the Server and Web tests and sdk/fixture.</summary>
public static class LoopbackPorts
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both UDP and TCP, as a DNS listener binds both.</summary>
    public static int UdpAndTcp()
    {
        for (int attempt = 0; ; attempt++)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            int port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                tcp.Stop();
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // taken for TCP: try another
            }
        }
    }
}
