using System.Buffers.Binary;
using System.Net.Sockets;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Listeners;

/// <summary>One question over an open DNS-over-TCP connection, waiting at most 5 s for each part of the answer.</summary>
internal static class TcpQuestion
{
    public static async Task<DnsRcode> AskAsync(Socket socket, string name)
    {
        var query = QueryMessages.Build(name, DnsType.A);
        var framed = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        await socket.SendAsync(framed);
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var prefix = new byte[2];
        await stream.ReadExactlyAsync(prefix).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        await stream.ReadExactlyAsync(message).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        return QueryMessages.Read(message).Rcode;
    }
}
