using BenchmarkDotNet.Attributes;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;

namespace Meridian.Benchmarks;

/// <summary>The per-query hot path of the wire layer: parsing a query with EDNS Client Subnet, and
/// writing a typical compressed answer into a reused buffer. Both should allocate nothing.</summary>
[MemoryDiagnoser]
public class MessageBenchmarks
{
    private static readonly byte[] s_owner = DnsName.Parse("www.example.com.").Wire.ToArray();
    private static readonly byte[] s_zone = DnsName.Parse("example.com.").Wire.ToArray();
    private static readonly byte[] s_nameServer = DnsName.Parse("ns1.example.com.").Wire.ToArray();
    private static readonly byte[] s_address1 = [192, 0, 2, 1];
    private static readonly byte[] s_address2 = [192, 0, 2, 2];
    private static readonly byte[] s_glue = [192, 0, 2, 53];

    private readonly byte[] _query = BuildQuery();
    private readonly byte[] _response = new byte[1232];

    /// <summary>www.example.com/A with OPT (payload 1232) and ECS 192.0.2.0/24: 55 octets.</summary>
    private static byte[] BuildQuery()
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 0x1234, RecursionDesired = true });
        writer.TryWriteQuestion(s_owner, DnsType.A, DnsClass.IN);
        EdnsClientSubnet.TryCreate([192, 0, 2, 77], 24, 0, out var subnet);
        writer.TryWriteOpt(1232, dnssecOk: false, subnet);
        return writer.Written.ToArray();
    }

    [Benchmark]
    public int ParseQuery()
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        DnsQuery.TryRead(_query, name, out var query);
        return query.Name.Length + (int)query.Type + query.ClientSubnet.SourcePrefixLength;
    }

    [Benchmark]
    public int WriteAnswer()
    {
        var writer = new DnsMessageWriter(_response);
        writer.SetHeader(new DnsHeader { Id = 0x1234, IsResponse = true, IsAuthoritative = true, RecursionDesired = true });
        writer.TryWriteQuestion(s_owner, DnsType.A, DnsClass.IN);
        writer.TryWriteRecord(DnsSection.Answer, s_owner, DnsType.A, DnsClass.IN, 300, s_address1);
        writer.TryWriteRecord(DnsSection.Answer, s_owner, DnsType.A, DnsClass.IN, 300, s_address2);
        writer.TryWriteRecord(DnsSection.Authority, s_zone, DnsType.NS, DnsClass.IN, 3600, s_nameServer);
        writer.TryWriteRecord(DnsSection.Additional, s_nameServer, DnsType.A, DnsClass.IN, 3600, s_glue);
        return writer.Length;
    }

    /// <summary>What the server does per UDP query: parse, then answer with the ECS option echoed.</summary>
    [Benchmark]
    public int ParseAndAnswer()
    {
        Span<byte> name = stackalloc byte[DnsName.MaxWireLength];
        if (!DnsQuery.TryRead(_query, name, out var query)) return -1;
        var writer = new DnsMessageWriter(_response) { Limit = query.EffectiveUdpPayloadSize };
        var header = DnsHeader.ForResponseTo(query.Header);
        header.IsAuthoritative = true;
        writer.SetHeader(header);
        writer.TryWriteQuestion(query.Name, query.Type, query.Class);
        writer.TryWriteRecord(DnsSection.Answer, query.Name, DnsType.A, DnsClass.IN, 300, s_address1);
        writer.TryWriteRecord(DnsSection.Answer, query.Name, DnsType.A, DnsClass.IN, 300, s_address2);
        writer.TryWriteRecord(DnsSection.Authority, s_zone, DnsType.NS, DnsClass.IN, 3600, s_nameServer);
        writer.TryWriteRecord(DnsSection.Additional, s_nameServer, DnsType.A, DnsClass.IN, 3600, s_glue);
        writer.TryWriteOpt(1232, query.DnssecOk, query.ClientSubnet.WithScope(24));
        return writer.Length;
    }
}
