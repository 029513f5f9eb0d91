using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Notify;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Dns.Server.Tests.Notify;

/// <summary>A NOTIFY carries the zone's SOA at the announced serial in its answer section (RFC 1996 §3.7), so the
/// secondary knows the new serial from the message itself.</summary>
public sealed class NotifySoaTests
{
    [Fact]
    public async Task The_notify_carries_the_soa_of_the_announced_serial()
    {
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)secondary.Client.LocalEndPoint!;
        using var sender = new NotifySender(null, TimeSpan.FromSeconds(30), TimeSpan.Zero, NullLogger<NotifySender>.Instance);
        var zone = DnsName.Parse("example.com.");

        sender.ZoneChanged(zone, 2026120701, [target], Soa(zone, 2026120701));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notify = await secondary.ReceiveAsync(timeout.Token);
        var (opcode, answers, owner, type, serial) = Read(notify.Buffer);
        Assert.Equal(DnsOpcode.Notify, opcode);
        Assert.Equal(1, answers);
        Assert.Equal("example.com.", owner);
        Assert.Equal(DnsType.SOA, type);
        Assert.Equal(2026120701u, serial);
    }

    [Fact]
    public async Task Without_an_soa_the_notify_holds_the_question_alone()
    {
        using var secondary = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var target = (IPEndPoint)secondary.Client.LocalEndPoint!;
        using var sender = new NotifySender(null, TimeSpan.FromSeconds(30), TimeSpan.Zero, NullLogger<NotifySender>.Instance);

        sender.ZoneChanged(DnsName.Parse("example.com."), 5, [target]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var notify = await secondary.ReceiveAsync(timeout.Token);
        Assert.True(DnsHeader.TryRead(notify.Buffer, out var header));
        Assert.Equal(1, header.QuestionCount);
        Assert.Equal(0, header.AnswerCount);
    }

    private static ZoneRecord Soa(DnsName zone, uint serial)
    {
        byte[] mname = DnsName.Parse("ns1.example.com.").Wire.ToArray(), rname = DnsName.Parse("hostmaster.example.com.").Wire.ToArray();
        var data = new byte[mname.Length + rname.Length + 20];
        mname.CopyTo(data, 0);
        rname.CopyTo(data, mname.Length);
        uint[] fields = [serial, 7200, 900, 1209600, 300];
        for (int i = 0; i < fields.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(mname.Length + rname.Length + 4 * i), fields[i]);
        return new ZoneRecord(zone, DnsType.SOA, 3600, data);
    }

    private static (DnsOpcode Opcode, int Answers, string Owner, DnsType Type, uint Serial) Read(byte[] message)
    {
        var reader = new DnsMessageReader(message, new byte[256]);
        Assert.True(reader.TryReadQuestion(out _));
        Assert.True(reader.TryReadRecord(out var record));
        // The serial is the first of the five numbers that end an SOA's RDATA (its names may be compressed).
        uint serial = BinaryPrimitives.ReadUInt32BigEndian(record.Data[^20..]);
        Assert.True(DnsName.TryFromWire(record.Name, out var owner));
        return (reader.Header.Opcode, reader.Header.AnswerCount, owner.ToString(), record.Type, serial);
    }
}
