using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Notify;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Dns.Server.Tests.Notify;

/// <summary>NOTIFY to a UDP socket playing the secondary: sent again until answered, signed and its answer verified,
/// and changes made while one is out announced once it is answered.</summary>
public sealed class NotifySenderTests
{
    private static readonly TsigKey Key = new(DnsName.Parse("notify-key."), TsigAlgorithm.HmacSha256, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Unanswered_notify_is_sent_again_and_a_signed_answer_ends_it()
    {
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)secondary.Client.LocalEndPoint!;
        using var sender = new NotifySender(() => Key, TimeSpan.FromMilliseconds(200), TimeSpan.Zero, NullLogger<NotifySender>.Instance);
        sender.ZoneChanged(DnsName.Parse("example.com."), 7, [target]);

        var first = await ReceiveAsync(secondary);
        var second = await ReceiveAsync(secondary); // the first went unanswered
        Assert.NotEqual(IdOf(first.Buffer), IdOf(second.Buffer));
        Assert.True(DnsHeader.TryRead(second.Buffer, out var header));
        Assert.Equal(DnsOpcode.Notify, header.Opcode);
        var check = new TsigVerifier(new StaticTsigKeyring([Key])).Verify(second.Buffer);
        Assert.Equal(TsigStatus.Valid, check.Status);

        await AnswerAsync(secondary, second, check);
        await UntilAsync(() => sender.Acknowledged >= 1);
        Assert.Equal(1, sender.Acknowledged);
    }

    [Fact]
    public async Task A_change_made_while_a_notify_is_out_is_announced_after_the_answer()
    {
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)secondary.Client.LocalEndPoint!;
        using var sender = new NotifySender(null, TimeSpan.FromSeconds(5), TimeSpan.Zero, NullLogger<NotifySender>.Instance);
        var zone = DnsName.Parse("example.com.");
        sender.ZoneChanged(zone, 1, [target]);
        var first = await ReceiveAsync(secondary);
        sender.ZoneChanged(zone, 2, [target]);
        sender.ZoneChanged(zone, 3, [target]);
        await AnswerAsync(secondary, first, null);
        var next = await ReceiveAsync(secondary);
        await AnswerAsync(secondary, next, null);
        await UntilAsync(() => sender.Acknowledged >= 2);
        await Task.Delay(300);
        Assert.Equal(0, secondary.Available); // serials 2 and 3 went out as one NOTIFY
    }

    private static async Task<UdpReceiveResult> ReceiveAsync(UdpClient socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await socket.ReceiveAsync(timeout.Token);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the NOTIFY was never counted as answered");
            await Task.Delay(20);
        }
    }

    private static ushort IdOf(byte[] message) => (ushort)((message[0] << 8) | message[1]);

    private static async Task AnswerAsync(UdpClient socket, UdpReceiveResult notify, TsigCheck? check)
    {
        var answer = new byte[1024];
        Assert.True(DnsHeader.TryRead(notify.Buffer, out var header));
        var writer = new DnsMessageWriter(answer);
        writer.SetHeader(DnsHeader.ForResponseTo(header));
        writer.TryWriteQuestion(DnsName.Parse("example.com.").Wire, Meridian.Dns.Records.DnsType.SOA, Meridian.Dns.Records.DnsClass.IN);
        int length = writer.Length;
        if (check is not null) length = new TsigSigner(check.Key!, check.Record!.Mac, check.Record.OriginalId).Sign(answer, length, (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await socket.SendAsync(answer.AsMemory(0, length), notify.RemoteEndPoint);
    }
}
