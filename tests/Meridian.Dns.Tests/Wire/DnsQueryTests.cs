using System.Net;
using Meridian.Dns.Records;
using Meridian.Dns.Wire;
using static Meridian.Dns.Tests.Wire.WirePackets;

namespace Meridian.Dns.Tests.Wire;

public class DnsQueryTests
{
    // Captured from real clients sending to a UDP socket:
    //   dig www.example.com A +subnet=192.0.2.0/24                      (BIND 9.18; adds a cookie)
    //   dig +dnssec +nocookie WwW.ExAmPlE.CoM AAAA +subnet=2001:db8:1234::/48
    //   kdig www.example.com MX +subnet=198.51.100.77/23                (Knot 3.2)
    private const string DigQuery =
        "81110120000100000000000103777777076578616d706c6503636f6d000001000100002904d00000000000170008000700011800c00002000a00082995c51d179e52c9";
    private const string DigDnssecQuery =
        "97d40120000100000000000103577757074578416d506c4503436f4d00001c000100002904d000008000000e0008000a0002300020010db81234";
    private const string KdigQuery =
        "b5890120000100000000000103777777076578616d706c6503636f6d00000f0001000029100000000000000b0008000700011700c63364";

    [Fact]
    public void TryRead_reads_a_dig_query_with_cookie_and_client_subnet()
    {
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(Hex(DigQuery), name, out var query), query.Error.ToString());
        Assert.Equal(0x8111, query.Header.Id);
        Assert.Equal(DnsOpcode.Query, query.Header.Opcode);
        Assert.True(query.Header.RecursionDesired);
        Assert.True(query.Header.AuthenticData);
        Assert.True(query.HasQuestion);
        Assert.Equal(Name("www.example.com."), query.Name.ToArray());
        Assert.Equal(DnsType.A, query.Type);
        Assert.Equal(DnsClass.IN, query.Class);
        Assert.True(query.HasEdns);
        Assert.Equal(1232, query.UdpPayloadSize);
        Assert.Equal(0, query.EdnsVersion);
        Assert.False(query.DnssecOk);
        Assert.True(query.HasClientSubnet);
        Assert.Equal("192.0.2.0/24/0", query.ClientSubnet.ToString());
    }

    [Fact]
    public void TryRead_keeps_the_question_case_and_reads_DO_and_an_IPv6_subnet()
    {
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(Hex(DigDnssecQuery), name, out var query), query.Error.ToString());
        Assert.Equal(Name("WwW.ExAmPlE.CoM."), query.Name.ToArray());
        Assert.Equal(DnsType.AAAA, query.Type);
        Assert.True(query.DnssecOk);
        Assert.Equal(EdnsClientSubnet.FamilyIPv6, query.ClientSubnet.Family);
        Assert.Equal(48, query.ClientSubnet.SourcePrefixLength);
        Assert.Equal(IPAddress.Parse("2001:db8:1234::"), query.ClientSubnet.ToIPAddress());
    }

    [Fact]
    public void TryRead_reads_a_kdig_query_with_the_address_cut_to_its_prefix()
    {
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(Hex(KdigQuery), name, out var query), query.Error.ToString());
        Assert.Equal(DnsType.MX, query.Type);
        Assert.Equal(4096, query.EffectiveUdpPayloadSize);
        Assert.Equal("198.51.100.0/23/0", query.ClientSubnet.ToString());
    }

    [Fact]
    public void TryRead_reads_a_plain_query_without_EDNS()
    {
        var packet = Concat(Header(id: 9, flags: 0x0100, qd: 1), Question("example.org.", DnsType.SOA));
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(packet, name, out var query));
        Assert.False(query.HasEdns);
        Assert.False(query.HasClientSubnet);
        Assert.Equal(512, query.EffectiveUdpPayloadSize);
        Assert.Equal(DnsType.SOA, query.Type);
    }

    [Fact]
    public void TryRead_accepts_no_question_and_a_small_payload_size()
    {
        var packet = Concat(Header(ar: 1), Opt(Option(10, Hex("0102030405060708")), udpSize: 100));
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(packet, name, out var query));
        Assert.False(query.HasQuestion);
        Assert.Equal(100, query.UdpPayloadSize);
        Assert.Equal(512, query.EffectiveUdpPayloadSize);
    }

    [Fact]
    public void TryRead_reports_an_unknown_EDNS_version_without_failing_so_the_server_can_answer_BADVERS()
    {
        var packet = Concat(Header(qd: 1, ar: 1), Question("example.com."), Opt([], ttl: 0x0001_0000));
        var name = new byte[255];
        Assert.True(DnsQuery.TryRead(packet, name, out var query));
        Assert.Equal(1, query.EdnsVersion);
    }

    [Theory]
    [InlineData("00031800c00002")]           // unknown family
    [InlineData("00011700c00003")]           // bits past the prefix
    [InlineData("00011818c00002")]           // scope must be 0 in a query
    [InlineData("0001")]                     // too short
    public void TryRead_fails_with_BadClientSubnet_for_a_malformed_option(string ecsHex)
    {
        var packet = Concat(Header(id: 77, qd: 1, ar: 1), Question("example.com."), Opt(Option(8, Hex(ecsHex))));
        var name = new byte[255];
        Assert.False(DnsQuery.TryRead(packet, name, out var query));
        Assert.Equal(WireError.BadClientSubnet, query.Error);
        Assert.Equal(77, query.Header.Id);
        Assert.True(query.HasQuestion);
    }

    [Fact]
    public void TryRead_fails_for_two_client_subnet_options()
    {
        var ecs = Option(8, Hex("00011800c00002"));
        var packet = Concat(Header(qd: 1, ar: 1), Question("example.com."), Opt(Concat(ecs, ecs)));
        Assert.False(DnsQuery.TryRead(packet, new byte[255], out var query));
        Assert.Equal(WireError.BadClientSubnet, query.Error);
    }

    [Theory]
    [InlineData(WireError.MultipleQuestions)]
    [InlineData(WireError.MultipleOpt)]
    [InlineData(WireError.OptNotInAdditional)]
    [InlineData(WireError.OptOwnerNotRoot)]
    [InlineData(WireError.BadOptOptions)]
    [InlineData(WireError.TrailingData)]
    [InlineData(WireError.Truncated)]
    [InlineData(WireError.ShortHeader)]
    public void TryRead_reports_why_a_query_is_malformed(WireError expected)
    {
        var question = Question("example.com.");
        var packet = expected switch
        {
            WireError.MultipleQuestions => Concat(Header(qd: 2), question, question),
            WireError.MultipleOpt => Concat(Header(qd: 1, ar: 2), question, Opt([]), Opt([])),
            WireError.OptNotInAdditional => Concat(Header(qd: 1, an: 1), question, Opt([])),
            WireError.OptOwnerNotRoot => Concat(Header(qd: 1, ar: 1), question, Record(Name("example.com."), DnsType.OPT, [])),
            WireError.BadOptOptions => Concat(Header(qd: 1, ar: 1), question, Opt(Hex("0008000a0001"))),
            WireError.TrailingData => Concat(Header(qd: 1), question, [0]),
            WireError.Truncated => Concat(Header(qd: 1, ar: 1), question),
            _ => Header()[..5],
        };
        Assert.False(DnsQuery.TryRead(packet, new byte[255], out var query));
        Assert.Equal(expected, query.Error);
    }

    [Fact]
    public void TryRead_never_throws_and_always_fails_on_a_truncated_real_query()
    {
        var packet = Hex(DigQuery);
        for (int length = 0; length < packet.Length; length++)
        {
            Assert.False(DnsQuery.TryRead(packet.AsSpan(0, length), new byte[255], out var query));
            Assert.NotEqual(WireError.None, query.Error);
        }
    }
}
