using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>The TCP listener's budgets with real sockets from several loopback sources (127.0.0.0/8 is all
/// loopback on Linux): one source cannot hold more than its share, and a full listener closes its longest-idle
/// connection so a newcomer is answered (RFC 7766 §6.2.3).</summary>
public sealed class TcpConnectionBudgetTests
{
    private static DnsServer StartServer(int maxConnections, int maxPerSource)
    {
        var server = new DnsServer(new DnsServerOptions
        {
            Listen = ["127.0.0.1:0"],
            UdpWorkers = 1,
            // Long enough that no held connection ends by itself during a test.
            TcpIdleTimeout = TimeSpan.FromSeconds(60),
            MaxTcpConnections = maxConnections,
            MaxTcpConnectionsPerSource = maxPerSource,
        });
        server.Publish(TestZones.ListenerExample());
        server.Start();
        return server;
    }

    [Fact]
    public async Task One_source_with_1500_idle_connections_holds_only_its_share_and_other_sources_are_answered()
    {
        using var server = StartServer(maxConnections: 1000, maxPerSource: 50);
        var endpoint = server.Endpoints[0];
        var held = new List<Socket>();
        try
        {
            for (int i = 0; i < 1500; i++) held.Add(await ConnectFromAsync("127.0.0.2", endpoint));
            await WaitUntilAsync(() => server.Statistics.TcpRejected + server.Statistics.TcpConnections >= 1500);

            Assert.Equal(50, server.Statistics.TcpConnections);
            Assert.Equal(1450, server.Statistics.TcpRejected);
            Assert.Equal(0, server.Statistics.TcpEvicted);
            // A refused connection is closed by the server at once.
            Assert.Equal(0, await ReadOrZeroAsync(held[^1]));

            foreach (string other in new[] { "127.0.0.3", "127.0.0.1" })
            {
                using var resolver = await ConnectFromAsync(other, endpoint);
                Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(resolver, "www.example."));
            }
            // The source's admitted connections still work.
            Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(held[0], "www.example."));
        }
        finally
        {
            foreach (var socket in held) socket.Dispose();
        }
    }

    [Fact]
    public async Task Full_listener_closes_the_longest_idle_connection_to_admit_a_new_one()
    {
        using var server = StartServer(maxConnections: 20, maxPerSource: 5);
        var endpoint = server.Endpoints[0];
        var held = new List<Socket>();
        try
        {
            foreach (string source in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5" })
            {
                for (int i = 0; i < 5; i++) held.Add(await ConnectFromAsync(source, endpoint));
            }
            await WaitUntilAsync(() => server.Statistics.TcpConnections >= 20);
            // Every connection but the second asks a question, so the second, not the first accepted, has been idle longest.
            for (int i = 0; i < held.Count; i++)
            {
                if (i != 1) Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(held[i], "www.example."));
            }

            using var newcomer = await ConnectFromAsync("127.0.0.6", endpoint);
            Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(newcomer, "www.example."));

            Assert.Equal(0, await ReadOrZeroAsync(held[1]));
            Assert.Equal(1, server.Statistics.TcpEvicted);
            Assert.Equal(0, server.Statistics.TcpRejected);
            Assert.Equal(DnsRcode.NoError, await TcpQuestion.AskAsync(held[0], "www.example."));
        }
        finally
        {
            foreach (var socket in held) socket.Dispose();
        }
    }

    private static async Task<Socket> ConnectFromAsync(string source, IPEndPoint server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
            await socket.ConnectAsync(server);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>What a read returns within 5 s: 0 when the server closed the connection (a reset counts too).</summary>
    private static async Task<int> ReadOrZeroAsync(Socket socket)
    {
        try
        {
            return await socket.ReceiveAsync(new byte[1].AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
        {
            return 0;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 250 && !condition(); i++) await Task.Delay(20);
    }
}
