using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Answering;

public class QueryProcessorTests
{
    private const string Zone = """
        $ORIGIN example.
        $TTL 3600
        @ SOA ns1 hostmaster 1 3600 900 604800 300
          NS ns1
        ns1 A 192.0.2.1
        www A 192.0.2.3
        big TXT "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        big TXT "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
        big TXT "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
        """;

    private static QueryProcessor CreateProcessor()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.Build("example.", Zone));
        return new QueryProcessor(zones, maxUdpPayload: 1232);
    }

    private static QueryMessages.Response Ask(byte[] query, bool overTcp = false)
    {
        var response = new byte[65535];
        int length = CreateProcessor().Handle(query, response, [127, 0, 0, 1], overTcp);
        Assert.True(length > 0, "the query was dropped");
        return QueryMessages.Read(response.AsSpan(0, length));
    }

    [Fact]
    public void Answer_echoes_id_question_and_rd_and_advertises_our_udp_size()
    {
        var response = Ask(QueryMessages.Build("www.example.", DnsType.A, id: 4242));
        Assert.Equal(4242, response.Header.Id);
        Assert.True(response.Header.IsResponse);
        Assert.True(response.Header.IsAuthoritative);
        Assert.True(response.Header.RecursionDesired);
        Assert.False(response.Header.RecursionAvailable);
        Assert.Equal(1, response.QuestionCount);
        Assert.Equal(DnsRcode.NoError, response.Rcode);
        Assert.Single(response.Answer);
        Assert.True(response.HasOpt);
    }

    [Fact]
    public void Query_without_edns_gets_no_opt_and_a_512_octet_limit()
    {
        var response = Ask(QueryMessages.Build("big.example.", DnsType.TXT, edns: false));
        Assert.False(response.HasOpt);
        Assert.True(response.Header.IsTruncated);
        Assert.Empty(response.Answer);
    }

    [Fact]
    public void Answer_that_fits_the_edns_size_is_not_truncated_and_tcp_is_never_truncated()
    {
        var udp = Ask(QueryMessages.Build("big.example.", DnsType.TXT, udpSize: 4096));
        Assert.False(udp.Header.IsTruncated);
        Assert.Equal(3, udp.Answer.Count);
        var small = Ask(QueryMessages.Build("big.example.", DnsType.TXT, udpSize: 600));
        Assert.True(small.Header.IsTruncated);
        Assert.True(small.HasOpt);
        var tcp = Ask(QueryMessages.Build("big.example.", DnsType.TXT, edns: false), overTcp: true);
        Assert.False(tcp.Header.IsTruncated);
        Assert.Equal(3, tcp.Answer.Count);
    }

    [Fact]
    public void Edns_version_other_than_zero_gets_badvers()
    {
        var response = Ask(QueryMessages.Build("www.example.", DnsType.A, ednsVersion: 1));
        Assert.Equal(DnsRcode.BadVers, response.Rcode);
        Assert.True(response.HasOpt);
        Assert.Empty(response.Answer);
    }

    [Theory]
    [InlineData(DnsOpcode.Update)]
    [InlineData(DnsOpcode.Status)]
    [InlineData(DnsOpcode.IQuery)]
    public void Unserved_opcodes_get_notimp(DnsOpcode opcode)
    {
        var response = Ask(QueryMessages.Build("www.example.", DnsType.A, opcode: opcode));
        Assert.Equal(DnsRcode.NotImp, response.Rcode);
    }

    [Fact]
    public void Other_classes_are_refused_and_transfers_over_udp_are_not_implemented()
    {
        Assert.Equal(DnsRcode.Refused, Ask(QueryMessages.Build("www.example.", DnsType.A, dnsClass: DnsClass.CH)).Rcode);
        Assert.Equal(DnsRcode.NotImp, Ask(QueryMessages.Build("example.", DnsType.AXFR)).Rcode);
    }

    [Fact]
    public void Client_subnet_is_echoed_with_scope_zero_when_the_answer_did_not_depend_on_it()
    {
        var response = Ask(QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.100.0/24"));
        Assert.NotNull(response.ClientSubnet);
        Assert.Equal(24, response.ClientSubnet!.Value.SourcePrefixLength);
        Assert.Equal(0, response.ClientSubnet.Value.ScopePrefixLength);
    }

    [Fact]
    public void Malformed_client_subnet_is_formerr()
    {
        var query = QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.100.0/24");
        // The ECS address octet count no longer matches its source prefix: make the prefix /8.
        int ecs = query.Length - 7; // FAMILY(2) SOURCE(1) SCOPE(1) ADDRESS(3) at the end
        query[ecs + 2] = 8;
        var response = Ask(query);
        Assert.Equal(DnsRcode.FormErr, response.Rcode);
        Assert.Equal(0, response.QuestionCount);
    }

    [Fact]
    public void Responses_are_dropped_and_never_answered()
    {
        var query = QueryMessages.Build("www.example.", DnsType.A);
        query[2] |= 0x80; // QR
        Assert.Equal(0, CreateProcessor().Handle(query, new byte[4096], default, overTcp: false));
    }

    [Fact]
    public void Every_truncation_of_a_query_gets_formerr_or_is_dropped_never_an_exception()
    {
        var processor = CreateProcessor();
        var query = QueryMessages.Build("www.example.", DnsType.A, subnet: "2001:db8::/56");
        var response = new byte[4096];
        for (int cut = 0; cut < query.Length; cut++)
        {
            int length = processor.Handle(query.AsSpan(0, cut), response, default, overTcp: false);
            if (cut < 12) Assert.Equal(0, length);
            else Assert.Equal(DnsRcode.FormErr, QueryMessages.Read(response.AsSpan(0, length)).Rcode);
        }
    }

    [Fact]
    public void Random_packets_never_throw_and_never_answer_more_than_one_question()
    {
        var processor = CreateProcessor();
        var random = new Random(7);
        var packet = new byte[600];
        var response = new byte[65535];
        var valid = QueryMessages.Build("www.example.", DnsType.A);
        for (int i = 0; i < 20000; i++)
        {
            int length = random.Next(0, packet.Length);
            random.NextBytes(packet.AsSpan(0, length));
            if (i % 2 == 0 && length >= valid.Length)
            {
                // Mostly-valid packets reach deeper code: flip a few octets of a real query.
                valid.CopyTo(packet, 0);
                for (int f = 0; f < 3; f++) packet[random.Next(valid.Length)] ^= (byte)random.Next(1, 256);
                length = valid.Length;
            }
            packet[2] &= 0x7F; // queries, not responses
            int written = processor.Handle(packet.AsSpan(0, length), response, default, overTcp: false);
            if (written == 0) continue;
            var header = QueryMessages.Read(response.AsSpan(0, written));
            Assert.True(header.QuestionCount <= 1);
        }
    }
}
