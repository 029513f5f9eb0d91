using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Tests.Wire;

/// <summary>Builds raw packets octet by octet for malformed-input tests, and reads whole messages into
/// plain objects so tests can compare them.</summary>
internal static class WirePackets
{
    public static byte[] Header(ushort id = 0x1234, ushort flags = 0, ushort qd = 0, ushort an = 0, ushort ns = 0, ushort ar = 0)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), qd);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), an);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), ns);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), ar);
        return header;
    }

    public static byte[] Name(string text) => DnsName.Parse(text).Wire.ToArray();

    public static byte[] U16(int value) => [(byte)(value >> 8), (byte)value];

    public static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    public static byte[] Pointer(int offset) => [(byte)(0xC0 | (offset >> 8)), (byte)offset];

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Question(string name, DnsType type = DnsType.A) => Concat(Name(name), U16((int)type), U16(1));

    /// <summary>A record with an uncompressed owner and the given RDATA.</summary>
    public static byte[] Record(byte[] owner, DnsType type, byte[] rdata, ushort @class = 1, uint ttl = 300) =>
        Concat(owner, U16((int)type), U16(@class), U32(ttl), U16(rdata.Length), rdata);

    public static byte[] Opt(byte[] options, ushort udpSize = 1232, uint ttl = 0) => Record([0], DnsType.OPT, options, udpSize, ttl);

    public static byte[] Option(int code, byte[] data) => Concat(U16(code), U16(data.Length), data);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex);

    /// <summary>A typical response built with the writer: question, two A answers, an NS in authority,
    /// glue, and OPT with Client Subnet.</summary>
    public static byte[] TypicalResponse()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 0xBEEF, IsResponse = true, IsAuthoritative = true, RecursionDesired = true });
        Assert.True(writer.TryWriteQuestion(Name("www.example.com."), DnsType.A, DnsClass.IN));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("www.example.com."), DnsType.A, DnsClass.IN, 300, [192, 0, 2, 1]));
        Assert.True(writer.TryWriteRecord(DnsSection.Answer, Name("www.example.com."), DnsType.A, DnsClass.IN, 300, [192, 0, 2, 2]));
        Assert.True(writer.TryWriteRecord(DnsSection.Authority, Name("example.com."), DnsType.NS, DnsClass.IN, 3600, Name("ns1.example.com.")));
        Assert.True(writer.TryWriteRecord(DnsSection.Additional, Name("ns1.example.com."), DnsType.A, DnsClass.IN, 3600, [192, 0, 2, 53]));
        Assert.True(EdnsClientSubnet.TryCreate([192, 0, 2, 77], 24, 24, out var subnet));
        Assert.True(writer.TryWriteOpt(1232, dnssecOk: true, subnet));
        return writer.Written.ToArray();
    }

    /// <summary>Reads every question and record, with names and RDATA copied out.</summary>
    public static ReadResult ReadAll(ReadOnlySpan<byte> packet)
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(packet, name);
        var questions = new List<ReadQuestion>();
        var records = new List<ReadRecord>();
        while (reader.TryReadQuestion(out var question))
            questions.Add(new ReadQuestion(question.Name.ToArray(), question.Type, question.Class));
        while (reader.TryReadRecord(out var record))
        {
            records.Add(new ReadRecord(record.Section, record.Name.ToArray(), record.Type, record.RawClass, record.Ttl,
                record.Data.ToArray(), record.DataOffset));
        }
        return new ReadResult(reader.Header, questions, records, reader.Error, reader.IsComplete, reader.RemainingOctets);
    }
}

internal sealed record ReadQuestion(byte[] Name, DnsType Type, DnsClass Class);

internal sealed record ReadRecord(DnsSection Section, byte[] Name, DnsType Type, ushort Class, uint Ttl, byte[] Data, int DataOffset);

internal sealed record ReadResult(DnsHeader Header, List<ReadQuestion> Questions, List<ReadRecord> Records, WireError Error, bool IsComplete, int RemainingOctets);
