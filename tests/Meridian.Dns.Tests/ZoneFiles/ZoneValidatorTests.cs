using static Meridian.Dns.Tests.ZoneFiles.ZoneFileTesting;

namespace Meridian.Dns.Tests.ZoneFiles;

/// <summary>Zone content BIND refuses even with integrity checks off. named-compilezone 9.18 refused (or
/// accepted) each text the same way; messages are BIND's.</summary>
public class ZoneValidatorTests
{
    private static string Errors(string body) => Check(Head + body).Errors.TrimEnd();

    private static void Accepted(string body)
    {
        var (exit, _, errors) = Check(Head + body);
        Assert.True(exit == 0, errors);
    }

    [Fact]
    public void Cname_beside_other_data_is_refused_where_the_later_rrset_starts()
    {
        Assert.Equal("test.zone:6:1: a.example: CNAME and other data", Errors("a CNAME ns\na TXT \"x\"\n"));
        Assert.Equal("test.zone:6:1: a.example: CNAME and other data", Errors("a TXT \"x\"\na CNAME ns\n"));
    }

    [Fact]
    public void Cname_may_sit_beside_signatures_nsec_and_key()
    {
        Accepted("a CNAME ns\na RRSIG A 5 2 300 20300101000000 20200101000000 1 example. AAAA\na NSEC b A RRSIG NSEC\na KEY 256 3 5 AQAB\n");
    }

    [Theory]
    [InlineData("a CNAME ns\na CNAME www\n", "test.zone:6:1: a.example: multiple RRs of singleton type")]
    [InlineData("a DNAME x.example.net.\nb A 192.0.2.2\na DNAME y.example.net.\n", "test.zone:7:1: a.example: multiple RRs of singleton type")]
    [InlineData("@ SOA ns hostmaster 2 3600 600 86400 120\n", "test.zone:5:1: example: multiple RRs of singleton type")]
    public void Singleton_types_hold_one_record(string body, string expected)
    {
        Assert.Equal(expected, Errors(body));
    }

    [Fact]
    public void Repeating_the_same_cname_is_not_two_records()
    {
        Accepted("a CNAME ns\na CNAME NS\n");
    }

    [Theory]
    [InlineData("* NS ns\n", "test.zone:5:1: *.example: invalid NS owner name (wildcard)")]
    [InlineData("*.w NSEC3 1 0 0 - 0p9mhaveqvm6t7vbl5lop2u3t2rp3tom A\n", "test.zone:5:1: *.w.example: invalid NSEC3 owner name")]
    [InlineData("a SOA ns hostmaster 1 2 3 4 5\n", "test.zone:5:1: SOA record not at top of zone (a.example)")]
    [InlineData("@ DS 1 8 2 0000000000000000000000000000000000000000000000000000000000000000\n", "test.zone:5:1: DS record at top of zone (example)")]
    public void Records_bind_refuses_to_store_are_refused(string body, string expected)
    {
        Assert.Equal(expected, Errors(body));
    }

    [Fact]
    public void Zone_without_soa_or_ns_is_refused()
    {
        Assert.Equal("test.zone:1:1: zone example/IN: has 0 SOA records", Check("$TTL 300\n@ NS ns\nns A 192.0.2.1\n").Errors.TrimEnd());
        Assert.Equal("test.zone:2:1: zone example/IN: has no NS records", Check("$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n").Errors.TrimEnd());
    }

    [Theory]
    [InlineData("@ NS ns2\n", "NS 'ns2.example' has no address records (A or AAAA)")]
    [InlineData("@ NS ns.ent\nx.ns.ent A 192.0.2.2\n", "NS 'ns.ent.example' has no address records (A or AAAA)")]
    [InlineData("@ NS a.w\n*.w TXT \"x\"\n", "NS 'a.w.example' has no address records (A or AAAA)")]
    [InlineData("@ NS ns2\nns2 CNAME ns\n", "NS 'ns2.example' is a CNAME (illegal)")]
    [InlineData("@ NS ns.d\nd DNAME example.net.\n", "NS 'ns.d.example' is below a DNAME 'd.example' (illegal)")]
    public void Apex_ns_names_inside_the_zone_need_an_address(string body, string problem)
    {
        Assert.Equal($"test.zone:3:1: zone example/IN: {problem}", Errors(body));
    }

    [Theory]
    [InlineData("@ NS a.w\n*.w A 192.0.2.5\n")]
    [InlineData("@ NS ns.sub\nsub NS elsewhere.example.net.\n")]
    [InlineData("@ NS sub\nsub NS elsewhere.example.net.\n")]
    [InlineData("@ NS ns.example.net.\n")]
    [InlineData("@ NS ns6\nns6 AAAA 2001:db8::53\n")]
    public void Addresses_may_come_from_a_wildcard_or_be_missing_below_a_delegation_or_outside(string body)
    {
        Accepted(body);
    }

    [Fact]
    public void Storing_problems_are_reported_without_the_after_load_checks()
    {
        Assert.Equal("test.zone:6:1: a.example: CNAME and other data", Errors("a CNAME ns\na TXT \"x\"\n@ NS missing\n"));
    }
}
