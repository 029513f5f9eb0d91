using FsCheck.Xunit;
using Meridian.Dns.Names;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class WirePropertyTests
{
    [Property(Arbitrary = [typeof(WireArbitraries)], MaxTest = 300)]
    public bool Write_then_read_gives_back_the_same_message(GeneratedMessage message)
    {
        var packet = Write(message);
        var result = ReadAll(packet);
        Assert.Equal(WireError.None, result.Error);
        Assert.True(result.IsComplete);
        Assert.Equal(0, result.RemainingOctets);
        Assert.Equal(message.Id, result.Header.Id);
        Assert.Equal(message.Flags, result.Header.Flags);

        Assert.Equal(message.Questions.Length, result.Questions.Count);
        for (int i = 0; i < message.Questions.Length; i++)
        {
            var (expected, actual) = (message.Questions[i], result.Questions[i]);
            Assert.True(DnsName.WireEqualsIgnoreCase(expected.Name, actual.Name));
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Class, actual.Class);
        }

        Assert.Equal(message.Records.Length, result.Records.Count);
        for (int i = 0; i < message.Records.Length; i++)
        {
            var (expected, actual) = (message.Records[i], result.Records[i]);
            Assert.Equal(expected.Section, actual.Section);
            Assert.True(DnsName.WireEqualsIgnoreCase(expected.Owner, actual.Name));
            Assert.Equal(expected.Type, actual.Type);
            Assert.Equal(expected.Class, actual.Class);
            Assert.Equal(expected.Ttl, actual.Ttl);
            if (expected.Layout.Names == 0)
            {
                Assert.Equal(expected.Rdata, actual.Data);
                continue;
            }
            var expanded = new byte[1024];
            Assert.Equal(WireError.None, RdataDecompressor.Decompress(packet, actual.Type, actual.DataOffset, actual.Data.Length, expanded, out int written));
            AssertSameRdata(expected, expanded[..written]);
        }
        return true;
    }

    [Property(Arbitrary = [typeof(WireArbitraries)])]
    public bool Compression_never_makes_a_message_longer(GeneratedMessage message)
    {
        int uncompressed = 12
            + message.Questions.Sum(q => q.Name.Length + 4)
            + message.Records.Sum(r => r.Owner.Length + 10 + r.Rdata.Length);
        return Write(message).Length <= uncompressed;
    }

    [Property(MaxTest = 500)]
    public bool Reader_never_throws_on_arbitrary_bytes(byte[] body, byte qd, byte an, byte ns, byte ar)
    {
        var packet = Concat(Header(qd: (ushort)(qd % 4), an: (ushort)(an % 6), ns: (ushort)(ns % 4), ar: (ushort)(ar % 4)), body ?? []);
        ExerciseEverything(packet);
        ExerciseEverything(body ?? []);
        return true;
    }

    [Property(Arbitrary = [typeof(WireArbitraries)], MaxTest = 300)]
    public bool Reader_never_throws_on_a_damaged_valid_message(GeneratedMessage message, int seed)
    {
        var packet = Write(message);
        var random = new Random(seed);
        int damage = 1 + random.Next(4);
        for (int i = 0; i < damage; i++) packet[random.Next(packet.Length)] = (byte)random.Next(256);
        ExerciseEverything(packet);
        ExerciseEverything(packet.AsSpan(0, random.Next(packet.Length)).ToArray());
        return true;
    }

    private static byte[] Write(GeneratedMessage message)
    {
        var buffer = new byte[65535];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = message.Id, Flags = message.Flags });
        foreach (var q in message.Questions) Assert.True(writer.TryWriteQuestion(q.Name, q.Type, q.Class));
        foreach (var r in message.Records)
            Assert.True(writer.TryWriteRecord(r.Section, r.Owner, r.Type, (Records.DnsClass)r.Class, r.Ttl, r.Rdata));
        return writer.Written.ToArray();
    }

    /// <summary>Fixed octets must match exactly; names match ignoring case (compression may point at
    /// an earlier spelling of the same name).</summary>
    private static void AssertSameRdata(GeneratedRecord expected, byte[] actual)
    {
        var layout = expected.Layout;
        Assert.Equal(expected.Rdata.Length, actual.Length);
        Assert.Equal(expected.Rdata[..layout.Prefix], actual[..layout.Prefix]);
        Assert.Equal(expected.Rdata[^layout.Suffix..], actual[^layout.Suffix..]);
        int namesLength = actual.Length - layout.Prefix - layout.Suffix;
        Assert.True(DnsName.WireEqualsIgnoreCase(expected.Rdata.AsSpan(layout.Prefix, namesLength), actual.AsSpan(layout.Prefix, namesLength)));
    }

    /// <summary>Runs every reading entry point over the packet; any exception fails the property.</summary>
    private static void ExerciseEverything(byte[] packet)
    {
        var result = ReadAll(packet);
        foreach (var record in result.Records)
        {
            Assert.True(DnsName.TryFromWire(record.Name, out _));
            _ = RdataDecompressor.Decompress(packet, record.Type, record.DataOffset, record.Data.Length, new byte[2048], out _);
            var options = new EdnsOptionReader(record.Data);
            while (options.TryReadNext(out _, out var data)) _ = EdnsClientSubnet.TryRead(data, out _);
        }
        foreach (var question in result.Questions) Assert.True(DnsName.TryFromWire(question.Name, out _));
        _ = DnsQuery.TryRead(packet, new byte[255], out _);
        for (int offset = 0; offset < Math.Min(packet.Length, 64); offset++)
        {
            int position = offset;
            _ = WireNameReader.Skip(packet, ref position, out _);
        }
    }
}
