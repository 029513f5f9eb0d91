using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>The listeners with batched UDP system calls (the Linux default).</summary>
public sealed class BatchedListenerTests() : ListenerTests(batchedUdp: true)
{
    [Fact]
    public void Linux_uses_batched_system_calls()
    {
        if (OperatingSystem.IsLinux()) Assert.True(Meridian.Dns.Server.Listeners.LinuxBatchSockets.IsSupported);
    }
}

/// <summary>The same tests with one datagram per system call (the portable loop).</summary>
public sealed class PortableListenerTests() : ListenerTests(batchedUdp: false);

public abstract class ListenerTests : IDisposable
{
    private readonly DnsServer _server;

    protected ListenerTests(bool batchedUdp)
    {
        _server = new DnsServer(new DnsServerOptions
        {
            Listen = ["127.0.0.1:0"],
            UdpWorkers = 2,
            TcpIdleTimeout = TimeSpan.FromMilliseconds(500),
            MaxTcpConnections = 3,
            BatchedUdp = batchedUdp,
        });
        _server.Publish(TestZones.ListenerExample());
        _server.Start();
    }

    private IPEndPoint Endpoint => _server.Endpoints[0];

    public void Dispose()
    {
        _server.Dispose();
        GC.SuppressFinalize(this);
    }

    private static QueryMessages.Response UdpAsk(IPEndPoint server, byte[] query)
    {
        using var client = new UdpClient(AddressFamily.InterNetwork);
        client.Client.ReceiveTimeout = 3000;
        client.Send(query, server);
        IPEndPoint? from = null;
        return QueryMessages.Read(client.Receive(ref from));
    }

    private static async Task<byte[]?> ReadTcpMessageAsync(NetworkStream stream)
    {
        var prefix = new byte[2];
        if (await stream.ReadAtLeastAsync(prefix, 2, throwOnEndOfStream: false) < 2) return null;
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(message);
        return message;
    }

    private static byte[] Framed(byte[] query)
    {
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        return framed;
    }

    [Fact]
    public void Udp_listener_answers_and_survives_hostile_packets()
    {
        // Bursts of 20, each followed by a real question: every burst fits the socket's receive buffer even
        // when the listener runs late on a busy machine, so the kernel drops none and every packet is counted.
        int sent = 0;
        using (var attacker = new UdpClient(AddressFamily.InterNetwork))
        {
            var random = new Random(11);
            for (int i = 0; i < 500; i++)
            {
                var junk = new byte[random.Next(0, 1500)];
                random.NextBytes(junk);
                attacker.Send(junk, Endpoint);
                sent++;
                if (i % 20 == 19)
                {
                    Assert.Equal(DnsRcode.NoError, UdpAsk(Endpoint, QueryMessages.Build("www.example.", DnsType.A)).Rcode);
                    sent++;
                }
            }
            attacker.Send(new byte[65000], Endpoint);
            sent++;
        }
        var response = UdpAsk(Endpoint, QueryMessages.Build("www.example.", DnsType.A));
        Assert.Equal(DnsRcode.NoError, response.Rcode);
        Assert.Single(response.Answer);
        // Another receive loop may still be counting junk it took after the answer above was sent.
        SpinWait.SpinUntil(() => _server.Statistics.UdpQueries >= sent + 1, TimeSpan.FromSeconds(5));
        Assert.True(_server.Statistics.UdpQueries >= sent + 1, $"{_server.Statistics.UdpQueries} of {sent + 1} packets counted");
    }

    [Fact]
    public async Task Tcp_answers_pipelined_queries_on_one_connection()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Endpoint);
        var stream = client.GetStream();
        var burst = new List<byte>();
        for (ushort id = 1; id <= 5; id++) burst.AddRange(Framed(QueryMessages.Build(id % 2 == 0 ? "www.example." : "nope.example.", DnsType.A, id: id)));
        await stream.WriteAsync(burst.ToArray());
        var ids = new HashSet<int>();
        for (int i = 0; i < 5; i++)
        {
            var message = await ReadTcpMessageAsync(stream);
            Assert.NotNull(message);
            var response = QueryMessages.Read(message);
            ids.Add(response.Header.Id);
            Assert.Equal(response.Header.Id % 2 == 0 ? DnsRcode.NoError : DnsRcode.NXDomain, response.Rcode);
        }
        Assert.Equal([1, 2, 3, 4, 5], ids.Order());
    }

    [Fact]
    public async Task Tcp_connection_is_closed_after_the_idle_timeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Endpoint);
        var stream = client.GetStream();
        var read = stream.ReadAsync(new byte[1]).AsTask();
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.Same(read, finished);
        Assert.Equal(0, await read); // orderly close by the server
    }

    [Fact]
    public async Task Connections_over_the_cap_are_closed_at_once_and_the_rest_keep_working()
    {
        // Its own server with a long idle timeout: with the class's 500 ms, a loaded machine could let the held
        // connections time out before the extra one arrives, which would then be admitted.
        using var server = new DnsServer(new DnsServerOptions
        {
            Listen = ["127.0.0.1:0"], UdpWorkers = 1, TcpIdleTimeout = TimeSpan.FromSeconds(60), MaxTcpConnections = 3,
        });
        server.Publish(TestZones.ListenerExample());
        server.Start();
        var endpoint = server.Endpoints[0];
        var held = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                var c = new TcpClient();
                await c.ConnectAsync(endpoint);
                held.Add(c);
            }
            await WaitUntil(() => server.Statistics.TcpConnections >= 3);
            using var extra = new TcpClient();
            await extra.ConnectAsync(endpoint);
            var read = await extra.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(0, read);
            Assert.True(server.Statistics.TcpRejected >= 1);

            var stream = held[0].GetStream();
            await stream.WriteAsync(Framed(QueryMessages.Build("www.example.", DnsType.A)));
            var message = await ReadTcpMessageAsync(stream);
            Assert.Equal(DnsRcode.NoError, QueryMessages.Read(message).Rcode);
        }
        finally
        {
            foreach (var c in held) c.Dispose();
        }
    }

    [Fact]
    public async Task Tcp_garbage_closes_only_that_connection()
    {
        using (var bad = new TcpClient())
        {
            await bad.ConnectAsync(Endpoint);
            await bad.GetStream().WriteAsync(new byte[] { 0, 5, 1, 2, 3, 4, 5 });
            var response = await ReadTcpMessageAsync(bad.GetStream());
            // A five-octet "query" has no header: it is dropped and the connection closed.
            Assert.Null(response);
        }
        var udp = UdpAsk(Endpoint, QueryMessages.Build("www.example.", DnsType.A));
        Assert.Equal(DnsRcode.NoError, udp.Rcode);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 100 && !condition(); i++) await Task.Delay(20);
    }
}
