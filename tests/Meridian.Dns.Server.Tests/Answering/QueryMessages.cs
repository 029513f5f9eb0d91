using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Answering;

/// <summary>Builds query packets and reads responses for the processor and listener tests.</summary>
internal static class QueryMessages
{
    public static byte[] Build(string name, DnsType type, ushort id = 0x1234, bool edns = true, ushort udpSize = 1232,
        byte ednsVersion = 0, DnsOpcode opcode = DnsOpcode.Query, DnsClass dnsClass = DnsClass.IN, string? subnet = null)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        var header = new DnsHeader { Id = id, Opcode = opcode, RecursionDesired = true };
        writer.SetHeader(header);
        writer.TryWriteQuestion(DnsName.Parse(name).Wire, type, dnsClass);
        if (subnet is not null)
        {
            var parts = subnet.Split('/');
            EdnsClientSubnet.TryCreate(IPAddress.Parse(parts[0]), byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0, out var ecs);
            writer.TryWriteOpt(udpSize, false, ecs);
        }
        else if (edns)
        {
            writer.TryWriteOpt(udpSize, false, default, ednsVersion);
        }
        return writer.Written.ToArray();
    }

    /// <summary>A response read back: header, rcode (with EDNS extension), and each section's records.</summary>
    public sealed record Response(DnsHeader Header, DnsRcode Rcode, List<(string Owner, DnsType Type, uint Ttl)> Answer,
        List<(string Owner, DnsType Type, uint Ttl)> Authority, List<(string Owner, DnsType Type, uint Ttl)> Additional,
        bool HasOpt, int QuestionCount, EdnsClientSubnet? ClientSubnet);

    public static Response Read(ReadOnlySpan<byte> message)
    {
        var names = new byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(message, names);
        Assert.Equal(WireError.None, reader.Error);
        int questions = 0;
        while (reader.TryReadQuestion(out _)) questions++;
        var sections = new Dictionary<DnsSection, List<(string, DnsType, uint)>>
        {
            [DnsSection.Answer] = [], [DnsSection.Authority] = [], [DnsSection.Additional] = [],
        };
        bool hasOpt = false;
        var rcode = reader.Header.Rcode;
        EdnsClientSubnet? subnet = null;
        while (reader.TryReadRecord(out var record))
        {
            if (EdnsOpt.TryRead(record, out var opt))
            {
                hasOpt = true;
                rcode = opt.CombineRcode(reader.Header.Rcode);
                var options = new EdnsOptionReader(opt.Options);
                while (options.TryReadNext(out var code, out var data))
                {
                    if (code == EdnsOptionCode.ClientSubnet && EdnsClientSubnet.TryRead(data, out var ecs)) subnet = ecs;
                }
                continue;
            }
            DnsName.TryFromWire(record.Name, out var owner);
            sections[record.Section].Add((owner!.ToString().ToLowerInvariant(), record.Type, record.Ttl));
        }
        Assert.Equal(WireError.None, reader.Error);
        return new Response(reader.Header, rcode, sections[DnsSection.Answer], sections[DnsSection.Authority], sections[DnsSection.Additional], hasOpt, questions, subnet);
    }
}
