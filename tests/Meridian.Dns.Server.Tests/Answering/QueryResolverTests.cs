using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Tests.Answering;

public class QueryResolverTests
{
    private const string ExampleZone = """
        $ORIGIN example.
        $TTL 3600
        @ SOA ns1 hostmaster 1 3600 900 604800 300
          NS ns1
          NS ns2.other.
          MX 10 mail
        ns1 A 192.0.2.1
        mail A 192.0.2.2
        mail AAAA 2001:db8::2
        www A 192.0.2.3
        www TXT "hello"
        alias CNAME www
        alias2 CNAME alias
        ext CNAME www.elsewhere.
        *.wild A 192.0.2.4
        a.b.c.ent A 192.0.2.5
        sub NS ns.sub
        sub NS ns1
        ns.sub A 192.0.2.6
        _sip._tcp SRV 0 5 5060 sip
        sip A 192.0.2.7
        *.cwild CNAME www
        loop1 CNAME loop2
        loop2 CNAME loop1
        """;

    private static (QueryResolver Resolver, ResponsePlan Plan) Setup()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.Build("example.", ExampleZone));
        return (new QueryResolver(zones), new ResponsePlan());
    }

    private static ResponsePlan Ask(string name, DnsType type)
    {
        var (resolver, plan) = Setup();
        resolver.Resolve(DnsName.Parse(name).ToLower().Wire, type, plan);
        return plan;
    }

    private static DnsType[] Types(ReadOnlySpan<PlannedRRset> section)
    {
        var types = new DnsType[section.Length];
        for (int i = 0; i < section.Length; i++) types[i] = (DnsType)section[i].Zone.RRset(section[i].RRset).Type;
        return types;
    }

    [Fact]
    public void Exact_match_is_an_authoritative_answer_with_no_authority()
    {
        var plan = Ask("www.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.True(plan.Authoritative);
        Assert.Equal([DnsType.A], Types(plan.Answer));
        Assert.Equal(OwnerSource.Question, plan.Answer[0].Source);
        Assert.Equal(0, plan.AuthorityCount);
    }

    [Fact]
    public void Name_outside_every_zone_is_refused_without_aa()
    {
        var plan = Ask("www.example.org.", DnsType.A);
        Assert.Equal(AnswerOutcome.Refused, plan.Outcome);
        Assert.False(plan.Authoritative);
    }

    [Fact]
    public void Missing_name_is_nxdomain_with_soa_capped_at_minimum()
    {
        var plan = Ask("nope.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.NameError, plan.Outcome);
        Assert.Equal([DnsType.SOA], Types(plan.Authority));
        Assert.Equal(300u, plan.Authority[0].TtlCap);
    }

    [Theory]
    [InlineData("www.example.")]       // name with other data
    [InlineData("ent.example.")]       // empty non-terminal
    [InlineData("c.ent.example.")]     // deeper empty non-terminal
    public void Existing_name_without_the_type_is_nodata(string name)
    {
        var plan = Ask(name, DnsType.MX);
        Assert.Equal(AnswerOutcome.NoData, plan.Outcome);
        Assert.Equal(0, plan.AnswerCount);
        Assert.Equal([DnsType.SOA], Types(plan.Authority));
    }

    [Fact]
    public void Cname_chain_is_followed_inside_the_zone()
    {
        var plan = Ask("alias2.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.Equal([DnsType.CNAME, DnsType.CNAME, DnsType.A], Types(plan.Answer));
        Assert.Equal(OwnerSource.RecordData, plan.Answer[2].Source);
    }

    [Fact]
    public void Cname_to_a_foreign_name_ends_the_chain_with_noerror()
    {
        var plan = Ask("ext.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.Equal([DnsType.CNAME], Types(plan.Answer));
    }

    [Fact]
    public void Cname_loop_stops_without_repeating_records()
    {
        var plan = Ask("loop1.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.Equal([DnsType.CNAME, DnsType.CNAME], Types(plan.Answer));
    }

    [Fact]
    public void Query_for_cname_itself_returns_it_without_chasing()
    {
        var plan = Ask("alias2.example.", DnsType.CNAME);
        Assert.Equal([DnsType.CNAME], Types(plan.Answer));
    }

    [Fact]
    public void Wildcard_answers_a_missing_name_below_its_parent_with_the_query_name_as_owner()
    {
        var plan = Ask("x.y.wild.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.Equal([DnsType.A], Types(plan.Answer));
        Assert.Equal(OwnerSource.Question, plan.Answer[0].Source);
    }

    [Fact]
    public void Wildcard_does_not_answer_for_the_parent_itself_or_for_other_types()
    {
        Assert.Equal(AnswerOutcome.NoData, Ask("wild.example.", DnsType.A).Outcome);
        Assert.Equal(AnswerOutcome.NoData, Ask("x.wild.example.", DnsType.MX).Outcome);
    }

    [Fact]
    public void Wildcard_cname_is_synthesized_and_chased()
    {
        var plan = Ask("y.cwild.example.", DnsType.A);
        Assert.Equal([DnsType.CNAME, DnsType.A], Types(plan.Answer));
    }

    [Fact]
    public void Name_below_a_zone_cut_gets_a_referral_with_glue_and_no_aa()
    {
        var plan = Ask("x.sub.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Delegation, plan.Outcome);
        Assert.False(plan.Authoritative);
        Assert.Equal([DnsType.NS], Types(plan.Authority));
        Assert.Equal([DnsType.A, DnsType.A], Types(plan.Additional));
    }

    [Fact]
    public void Glue_itself_is_not_answered_authoritatively()
    {
        var plan = Ask("ns.sub.example.", DnsType.A);
        Assert.Equal(AnswerOutcome.Delegation, plan.Outcome);
    }

    [Fact]
    public void DS_at_the_cut_is_answered_by_the_parent()
    {
        var plan = Ask("sub.example.", DnsType.DS);
        Assert.Equal(AnswerOutcome.NoData, plan.Outcome);
        Assert.True(plan.Authoritative);
    }

    [Fact]
    public void Mx_and_srv_answers_carry_target_addresses_in_additional()
    {
        var mx = Ask("example.", DnsType.MX);
        Assert.Equal([DnsType.A, DnsType.AAAA], Types(mx.Additional));
        var srv = Ask("_sip._tcp.example.", DnsType.SRV);
        Assert.Equal([DnsType.A], Types(srv.Additional));
    }

    [Fact]
    public void Any_is_answered_with_one_record_set()
    {
        var plan = Ask("www.example.", DnsType.ANY);
        Assert.Equal(AnswerOutcome.Success, plan.Outcome);
        Assert.Equal(1, plan.AnswerCount);
    }

    [Fact]
    public void Closest_enclosing_zone_wins_among_nested_zones()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.Build("example.", ExampleZone));
        zones.Publish(TestZones.Build("deep.sub.example.", """
            $ORIGIN deep.sub.example.
            @ 60 SOA ns1 h 7 1 1 1 1
            @ 60 NS ns1
            ns1 60 A 192.0.2.99
            """));
        var zone = zones.FindClosestEnclosing(DnsName.Parse("ns1.deep.sub.example.").Wire);
        Assert.Equal(7u, zone!.Serial);
        Assert.Equal(1u, zones.FindClosestEnclosing(DnsName.Parse("www.example.").Wire)!.Serial);
        Assert.Null(zones.FindClosestEnclosing(DnsName.Parse("com.").Wire));
    }

    [Fact]
    public void Publishing_a_zone_again_replaces_it_atomically()
    {
        var zones = new ZoneSet();
        zones.Publish(TestZones.Build("example.", ExampleZone));
        zones.Publish(TestZones.Build("example.", ExampleZone.Replace("hostmaster 1 ", "hostmaster 2 ", StringComparison.Ordinal)));
        Assert.Equal(1, zones.Count);
        Assert.Equal(2u, zones.Find(DnsName.Parse("example."))!.Serial);
        Assert.True(zones.Remove(DnsName.Parse("EXAMPLE.")));
        Assert.Equal(0, zones.Count);
    }
}
