using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Geo;

public class GeoAnsweringTests
{
    private const string Zone = """
        $ORIGIN example.
        $TTL 3600
        @ SOA ns1 hostmaster 1 3600 900 604800 300
        @ NS ns1
        ns1 A 192.0.2.1
        www A 192.0.2.10 ; geo=US
        www A 192.0.2.20 ; geo=EU
        www A 192.0.2.30
        www A 192.0.2.40 ; geo=DE
        near A 192.0.2.50 ; geo=DE
        near A 192.0.2.60 ; geo=JP
        dach A 192.0.2.61 ; geo=DACH
        dach A 192.0.2.62 ; geo=EU
        dach A 192.0.2.63 ; geo=EMEA
        alias CNAME www
        geo-alias CNAME us-host ; geo=US
        geo-alias CNAME eu-host ; geo=EU
        us-host A 192.0.2.71
        eu-host A 192.0.2.72
        *.wild A 192.0.2.80 ; geo=US
        *.wild A 192.0.2.81
        @ MX 10 mail
        mail A 192.0.2.90 ; geo=US
        mail A 192.0.2.91 ; geo=FR
        plain A 192.0.2.100
        """;

    private static readonly QueryProcessor s_processor = GeoTestZones.Processor(GeoTestZones.Build("example.", Zone));

    private static List<string> Ask(string name, string subnet, DnsType type = DnsType.A, DnsSection section = DnsSection.Answer) =>
        GeoTestZones.Answer(s_processor, QueryMessages.Build(name, type, subnet: subnet), section).Addresses;

    [Theory]
    [InlineData("198.51.100.0/24", "192.0.2.10")]     // US: its country's record
    [InlineData("198.51.102.0/24", "192.0.2.40")]     // DE: the country beats its continent
    [InlineData("198.51.101.0/24", "192.0.2.20")]     // FR: no FR record, the EU one
    [InlineData("198.51.103.0/24", "192.0.2.30")]     // JP: nothing for Asia, the global one
    [InlineData("203.0.113.0/24", "192.0.2.30")]      // unknown: the global one
    [InlineData("2001:db8:de::/48", "192.0.2.40")]    // IPv6 ECS
    [InlineData("198.51.100.7/32", "192.0.2.10")]     // any source prefix
    public void Each_location_gets_the_records_the_rules_choose(string subnet, string expected) =>
        Assert.Equal([expected], Ask("www.example.", subnet));

    [Theory]
    [InlineData("198.51.101.0/24", "192.0.2.50")]     // FR: Germany is nearer than Japan
    [InlineData("198.51.103.0/24", "192.0.2.60")]     // JP: its own country
    [InlineData("203.0.113.0/24", "192.0.2.50,192.0.2.60")] // unknown, no global: every record, never NODATA
    public void Without_a_match_or_a_global_record_the_nearest_targets_answer(string subnet, string expected) =>
        Assert.Equal(expected.Split(','), Ask("near.example.", subnet));

    [Fact]
    public void The_smallest_containing_group_wins_for_a_country_in_several()
    {
        Assert.Equal(["192.0.2.61"], Ask("dach.example.", "198.51.104.0/24"));   // AT: DACH (3) < EU (53) < EMEA (130)
        Assert.Equal(["192.0.2.62"], Ask("dach.example.", "198.51.101.0/24"));   // FR: EU < EMEA
    }

    [Fact]
    public void A_CNAME_chain_ends_in_the_records_chosen_for_the_client()
    {
        var us = GeoTestZones.Answer(s_processor, QueryMessages.Build("alias.example.", DnsType.A, subnet: "198.51.100.0/24"));
        var fr = GeoTestZones.Answer(s_processor, QueryMessages.Build("alias.example.", DnsType.A, subnet: "198.51.101.0/24"));

        Assert.Equal(["192.0.2.10"], us.Addresses);
        Assert.Equal(1, us.Cnames);
        Assert.Equal(["192.0.2.20"], fr.Addresses);
        Assert.Equal(1, fr.Cnames);
    }

    [Fact]
    public void Geo_CNAME_variants_answer_one_CNAME_each_and_follow_it()
    {
        var us = GeoTestZones.Answer(s_processor, QueryMessages.Build("geo-alias.example.", DnsType.A, subnet: "198.51.100.0/24"));
        var de = GeoTestZones.Answer(s_processor, QueryMessages.Build("geo-alias.example.", DnsType.A, subnet: "198.51.102.0/24"));
        var unknown = GeoTestZones.Answer(s_processor, QueryMessages.Build("geo-alias.example.", DnsType.A, subnet: "203.0.113.0/24"));

        Assert.Equal(["192.0.2.71"], us.Addresses);
        Assert.Equal(1, us.Cnames);
        Assert.Equal(["192.0.2.72"], de.Addresses);
        Assert.Equal(1, de.Cnames);
        Assert.Equal(1, unknown.Cnames);   // both tie for an unknown client: still one CNAME, never two
        Assert.Single(unknown.Addresses);
    }

    [Fact]
    public void A_wildcard_answer_is_chosen_for_the_client_too()
    {
        Assert.Equal(["192.0.2.80"], Ask("anything.wild.example.", "198.51.100.0/24"));
        Assert.Equal(["192.0.2.81"], Ask("anything.wild.example.", "198.51.101.0/24"));
    }

    [Fact]
    public void Additional_addresses_are_chosen_for_the_client()
    {
        Assert.Equal(["192.0.2.90"], Ask("example.", "198.51.100.0/24", DnsType.MX, DnsSection.Additional));
        Assert.Equal(["192.0.2.91"], Ask("example.", "198.51.101.0/24", DnsType.MX, DnsSection.Additional));
        Assert.Equal(["192.0.2.91"], Ask("example.", "198.51.102.0/24", DnsType.MX, DnsSection.Additional)); // DE: France is nearest
    }

    [Theory]
    [InlineData("www.example.", "198.51.100.0/24", 24)]
    [InlineData("www.example.", "2001:db8:de::/48", 48)]
    [InlineData("www.example.", "203.0.113.0/24", 24)]   // unknown, but another subnet could get another answer
    [InlineData("plain.example.", "198.51.100.0/24", 0)] // no geo: valid for every subnet
    [InlineData("missing.example.", "198.51.100.0/24", 0)]
    public void The_ECS_scope_is_the_source_prefix_only_when_the_answer_depended_on_location(string name, string subnet, int scope)
    {
        var response = new byte[4096];
        int length = s_processor.Handle(QueryMessages.Build(name, DnsType.A, subnet: subnet), response, [127, 0, 0, 1], overTcp: false);
        var read = QueryMessages.Read(response.AsSpan(0, length));

        Assert.NotNull(read.ClientSubnet);
        Assert.Equal(scope, read.ClientSubnet.Value.ScopePrefixLength);
    }

    [Fact]
    public void Without_ECS_the_packet_source_decides()
    {
        var query = QueryMessages.Build("www.example.", DnsType.A);
        Assert.Equal(["192.0.2.10"], GeoTestZones.Answer(s_processor, query, source: [10, 9, 1, 1]).Addresses);
        Assert.Equal(["192.0.2.30"], GeoTestZones.Answer(s_processor, query, source: [127, 0, 0, 1]).Addresses);
    }

    [Fact]
    public void ECS_from_an_untrusted_source_is_ignored_and_not_echoed()
    {
        Assert.True(EcsPolicy.TryCreate(true, ["10.9.0.0/16"], out var policy, out var error), error);
        var processor = GeoTestZones.Processor(GeoTestZones.Build("example.", Zone), policy);
        var query = QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.101.0/24");   // FR

        var untrusted = GeoTestZones.Answer(processor, query, source: [127, 0, 0, 1]);
        var trusted = GeoTestZones.Answer(processor, query, source: [10, 9, 1, 1]);
        var response = new byte[4096];
        var echoedUntrusted = QueryMessages.Read(response.AsSpan(0, processor.Handle(query, response, [127, 0, 0, 1], false))).ClientSubnet;
        var echoedTrusted = QueryMessages.Read(response.AsSpan(0, processor.Handle(query, response, [10, 9, 1, 1], false))).ClientSubnet;

        Assert.Equal(["192.0.2.30"], untrusted.Addresses);     // 127.0.0.1 itself is of unknown location
        Assert.Equal(["192.0.2.20"], trusted.Addresses);       // the resolver at 10.9/16 is trusted: FR decides
        Assert.Null(echoedUntrusted);
        Assert.Equal((byte)24, echoedTrusted?.ScopePrefixLength);
    }

    [Fact]
    public void With_ECS_disabled_the_source_decides_and_nothing_is_echoed()
    {
        var processor = GeoTestZones.Processor(GeoTestZones.Build("example.", Zone), EcsPolicy.Disabled);
        var query = QueryMessages.Build("www.example.", DnsType.A, subnet: "198.51.101.0/24");
        var response = new byte[4096];
        int length = processor.Handle(query, response, [10, 9, 1, 1], false);

        Assert.Null(QueryMessages.Read(response.AsSpan(0, length)).ClientSubnet);
        Assert.Equal(["192.0.2.10"], GeoTestZones.Answer(processor, query, source: [10, 9, 1, 1]).Addresses);
    }

    [Fact]
    public void A_zero_source_prefix_discloses_no_location()
    {
        Assert.Equal(["192.0.2.30"], GeoTestZones.Answer(s_processor, QueryMessages.Build("www.example.", DnsType.A, subnet: "0.0.0.0/0"),
            source: [10, 9, 1, 1]).Addresses);
    }

    [Fact]
    public void Untrusted_source_networks_that_are_not_networks_are_refused()
    {
        Assert.False(EcsPolicy.TryCreate(true, ["10.0.0.0/33"], out _, out var error));
        Assert.Contains("10.0.0.0/33", error, StringComparison.Ordinal);
        Assert.False(EcsPolicy.TryCreate(true, ["resolver.example"], out _, out _));
    }
}
