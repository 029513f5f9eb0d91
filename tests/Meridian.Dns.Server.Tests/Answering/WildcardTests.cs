using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Answering;

/// <summary>RFC 4592's closest-encloser rules in process, over the whole answering path: the zone is the RFC's own
/// example (section 2.2.1) plus a wildcard below a delegation and wildcards that own CNAMEs. Each case checks the
/// rcode, the AA bit and the records with their owners and data, so a change to which name is the closest encloser
/// or the source of synthesis shows.</summary>
public sealed class WildcardTests
{
    private const string Zone = """
        $ORIGIN example.
        $TTL 3600
        @ SOA ns1 hostmaster 1 3600 900 604800 300
        @ NS ns1
        ns1 A 192.0.2.1
        * TXT "this is a wildcard"
        * MX 10 host1
        sub.* TXT "this is not a wildcard"
        host1 A 192.0.2.2
        _ssh._tcp.host1 SRV 0 0 22 host1
        _ssh._tcp.host2 SRV 0 0 22 host2
        subdel NS ns.example.com.
        subdel NS ns.example.net.
        *.subdel A 192.0.2.66
        www A 192.0.2.3
        *.cn CNAME www
        *.cn2 CNAME x.wild2
        *.wild2 A 192.0.2.4
        *.dangling CNAME gone.host1
        *.covered CNAME covered-target
        """;

    private static readonly QueryProcessor s_processor = Processor();

    private static QueryProcessor Processor()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.Build("example.", Zone));
        return new QueryProcessor(zones, 1232);
    }

    [Fact]
    public void A_missing_name_below_the_apex_is_answered_from_the_apex_wildcard_with_its_own_name()
    {
        var answer = Ask("host3.example.", DnsType.MX);
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.True(answer.Authoritative);
        Assert.Equal(["host3.example. MX 10 host1.example."], answer.Answer);
        // Two labels below the closest encloser (example.) are covered as well.
        Assert.Equal(["foo.bar.example. TXT \"this is a wildcard\""], Ask("foo.bar.example.", DnsType.TXT).Answer);
    }

    [Fact]
    public void A_wildcard_without_the_type_gives_nodata_not_nxdomain()
    {
        var answer = Ask("host3.example.", DnsType.A);
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(answer.Answer);
        Assert.Equal(["example. SOA"], answer.AuthorityTypes);
    }

    [Fact]
    public void A_name_that_exists_is_never_answered_from_a_wildcard()
    {
        var host1 = Ask("host1.example.", DnsType.MX);
        Assert.Equal(DnsRcode.NoError, host1.Rcode);
        Assert.Empty(host1.Answer);
        // "sub.*" exists: asking it, or the "*" node itself, matches those nodes, not a synthesis.
        Assert.Empty(Ask("sub.*.example.", DnsType.MX).Answer);
        Assert.Equal(["sub.*.example. TXT \"this is not a wildcard\""], Ask("sub.*.example.", DnsType.TXT).Answer);
        Assert.Equal(["*.example. MX 10 host1.example."], Ask("*.example.", DnsType.MX).Answer);
    }

    [Fact]
    public void Below_an_empty_non_terminal_the_closest_encloser_has_no_wildcard_so_the_name_does_not_exist()
    {
        // _tcp.host1.example. exists only as an empty non-terminal: it is the closest encloser of the question, and
        // *._tcp.host1.example. does not exist, so the apex wildcard does not apply (RFC 4592 section 2.2.1).
        var answer = Ask("_telnet._tcp.host1.example.", DnsType.SRV);
        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        Assert.True(answer.Authoritative);
        Assert.Empty(answer.Answer);
        Assert.Equal(["example. SOA"], answer.AuthorityTypes);
        Assert.Equal(DnsRcode.NXDomain, Ask("deeper._telnet._tcp.host1.example.", DnsType.TXT).Rcode);
    }

    [Fact]
    public void An_empty_non_terminal_itself_exists_and_is_nodata()
    {
        foreach (string name in new[] { "_tcp.host1.example.", "_tcp.host2.example.", "host2.example." })
        {
            var answer = Ask(name, DnsType.TXT);
            Assert.Equal(DnsRcode.NoError, answer.Rcode);
            Assert.Empty(answer.Answer);
        }
    }

    [Fact]
    public void A_name_below_the_wildcard_owner_is_nxdomain_when_the_closest_encloser_is_the_wildcard_itself()
    {
        // ghost.*.example.: the closest encloser is *.example. and *.*.example. does not exist.
        var answer = Ask("ghost.*.example.", DnsType.MX);
        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        Assert.Empty(answer.Answer);
    }

    [Fact]
    public void A_wildcard_below_a_delegation_is_occluded_and_the_question_is_referred()
    {
        foreach (string name in new[] { "host.subdel.example.", "a.b.subdel.example.", "*.subdel.example." })
        {
            var answer = Ask(name, DnsType.A);
            Assert.Equal(DnsRcode.NoError, answer.Rcode);
            Assert.False(answer.Authoritative);
            Assert.Empty(answer.Answer);
            Assert.Equal(["subdel.example. NS", "subdel.example. NS"], answer.AuthorityTypes);
        }
    }

    [Fact]
    public void A_wildcard_that_owns_a_cname_is_synthesized_under_the_question_name_and_chased()
    {
        var answer = Ask("a.cn.example.", DnsType.A);
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.True(answer.Authoritative);
        Assert.Equal(["a.cn.example. CNAME www.example.", "www.example. A 192.0.2.3"], answer.Answer);
        Assert.Equal(["x.y.cn.example. CNAME www.example.", "www.example. A 192.0.2.3"], Ask("x.y.cn.example.", DnsType.A).Answer);
        // Asked for the CNAME itself: the synthesized CNAME alone.
        Assert.Equal(["a.cn.example. CNAME www.example."], Ask("a.cn.example.", DnsType.CNAME).Answer);
    }

    [Fact]
    public void A_wildcard_cname_to_a_name_another_wildcard_covers_is_chased_through_both()
    {
        var answer = Ask("q.cn2.example.", DnsType.A);
        Assert.Equal(["q.cn2.example. CNAME x.wild2.example.", "x.wild2.example. A 192.0.2.4"], answer.Answer);
    }

    [Fact]
    public void A_wildcard_cname_to_a_missing_name_in_the_zone_keeps_the_cname_and_says_the_target_does_not_exist()
    {
        // RFC 6604: the rcode is that of the last name in the chain. gone.host1.example.'s closest encloser is
        // host1.example., which has no wildcard.
        var answer = Ask("z.dangling.example.", DnsType.A);
        Assert.Equal(DnsRcode.NXDomain, answer.Rcode);
        Assert.Equal(["z.dangling.example. CNAME gone.host1.example."], answer.Answer);
        // A target the apex wildcard covers exists (with TXT and MX only): no A there, NOERROR.
        var covered = Ask("z.covered.example.", DnsType.A);
        Assert.Equal(DnsRcode.NoError, covered.Rcode);
        Assert.Equal(["z.covered.example. CNAME covered-target.example."], covered.Answer);
        Assert.Equal(["covered-target.example. TXT \"this is a wildcard\""], Ask("z.covered.example.", DnsType.TXT).Answer.Skip(1));
    }

    [Fact]
    public void The_wildcard_parent_itself_is_not_covered_by_its_wildcard()
    {
        var answer = Ask("cn.example.", DnsType.A);
        Assert.Equal(DnsRcode.NoError, answer.Rcode);
        Assert.Empty(answer.Answer);
    }

    private sealed record Answered(DnsRcode Rcode, bool Authoritative, List<string> Answer, List<string> AuthorityTypes);

    private static Answered Ask(string name, DnsType type)
    {
        var response = new byte[4096];
        int length = s_processor.Handle(QueryMessages.Build(name, type), response, [127, 0, 0, 1], overTcp: false);
        Assert.True(length > 0, "the query was dropped");
        var read = QueryMessages.Read(response.AsSpan(0, length));
        var names = new byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(response.AsSpan(0, length), names);
        while (reader.TryReadQuestion(out _)) { }
        var answer = new List<string>();
        var authority = new List<string>();
        while (reader.TryReadRecord(out var record))
        {
            if (record.Type == DnsType.OPT) continue;
            DnsName.TryFromWire(record.Name, out var owner);
            string ownerText = owner!.ToString().ToLowerInvariant();
            if (record.Section == DnsSection.Answer) answer.Add($"{ownerText} {record.Type} {Data(record, response.AsSpan(0, length))}");
            if (record.Section == DnsSection.Authority) authority.Add($"{ownerText} {record.Type}");
        }
        return new Answered(read.Rcode, read.Header.IsAuthoritative, answer, authority);
    }

    private static string Data(WireRecord record, ReadOnlySpan<byte> message) => record.Type switch
    {
        DnsType.A => new IPAddress(record.Data).ToString(),
        DnsType.CNAME => Name(record, message, 0),
        DnsType.MX => $"{(record.Data[0] << 8) | record.Data[1]} {Name(record, message, 2)}",
        DnsType.TXT => $"\"{System.Text.Encoding.ASCII.GetString(record.Data[1..])}\"",
        _ => "",
    };

    private static string Name(WireRecord record, ReadOnlySpan<byte> message, int skip)
    {
        int offset = record.DataOffset + skip;
        Assert.Equal(WireError.None, WireNameReader.Read(message, ref offset, out var name));
        return name!.ToString().ToLowerInvariant();
    }
}
