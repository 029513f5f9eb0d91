using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Api.Tests.Support;

/// <summary>One DNS question over UDP or TCP with a bounded wait, for tests that ask many times (dig would be a process
/// per question). Reads the rcode and the answer count from the header.</summary>
public static class DnsProbe
{
    public readonly record struct Answer(int Rcode, int AnswerCount);

    public static byte[] Query(string name, DnsType type)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = (ushort)Random.Shared.Next(ushort.MaxValue) });
        writer.TryWriteQuestion(DnsName.Parse(name).Wire, type, DnsClass.IN);
        return writer.Written.ToArray();
    }

    /// <summary>The answer over UDP, or null when none came within <paramref name="wait"/>.</summary>
    public static async Task<Answer?> AskUdpAsync(IPEndPoint server, string name, DnsType type, TimeSpan wait)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        await socket.SendToAsync(Query(name, type), server);
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            return Read(buffer.AsSpan(0, read));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The answer over a new TCP connection (from <paramref name="source"/> when given), or null when the
    /// connection failed or no answer came within <paramref name="wait"/>.</summary>
    public static async Task<Answer?> AskTcpAsync(IPEndPoint server, string name, DnsType type, TimeSpan wait, IPAddress? source = null)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            if (source is not null) socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, cancel.Token);
            var query = Query(name, type);
            var framed = new byte[query.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
            query.CopyTo(framed, 2);
            await socket.SendAsync(framed, SocketFlags.None, cancel.Token);
            using var stream = new NetworkStream(socket, ownsSocket: false);
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, cancel.Token);
            var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(message, cancel.Token);
            return Read(message);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private static Answer Read(ReadOnlySpan<byte> message) =>
        message.Length < 12 ? new Answer(-1, 0) : new Answer(message[3] & 0x0F, BinaryPrimitives.ReadUInt16BigEndian(message[6..]));
}
