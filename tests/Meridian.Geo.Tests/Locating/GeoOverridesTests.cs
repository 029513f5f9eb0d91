using static Meridian.Geo.Tests.Locating.TestDatabases;

namespace Meridian.Geo.Tests.Locating;

public class GeoOverridesTests
{
    private static GeoOverrides Create(params (string Cidr, string Country)[] rules)
    {
        Assert.True(GeoOverrides.TryCreate(rules.Select(r => KeyValuePair.Create(r.Cidr, r.Country)), out var overrides, out var error), error);
        return overrides;
    }

    private static string Refuse(params (string Cidr, string Country)[] rules)
    {
        Assert.False(GeoOverrides.TryCreate(rules.Select(r => KeyValuePair.Create(r.Cidr, r.Country)), out _, out var error));
        return error;
    }

    private static string? Lookup(GeoOverrides overrides, string address) =>
        overrides.TryLookup(Address(address), out var country) ? country.Code : null;

    [Fact]
    public void Longest_prefix_wins_for_ipv4()
    {
        var overrides = Create(("10.0.0.0/8", "US"), ("10.1.2.3", "jp"), ("10.1.0.0/16", "FR"));
        Assert.Equal(3, overrides.Count);
        Assert.Equal("US", Lookup(overrides, "10.200.0.1"));
        Assert.Equal("FR", Lookup(overrides, "10.1.9.9"));
        Assert.Equal("JP", Lookup(overrides, "10.1.2.3"));
        Assert.Equal("FR", Lookup(overrides, "10.1.2.4"));
        Assert.Null(Lookup(overrides, "11.0.0.1"));
    }

    [Fact]
    public void Longest_prefix_wins_for_ipv6()
    {
        var overrides = Create(("fd00::/8", "DE"), ("fd12:3456::/32", "CH"), ("2001:db8::1/128", "NL"));
        Assert.Equal("DE", Lookup(overrides, "fd99::1"));
        Assert.Equal("CH", Lookup(overrides, "fd12:3456:1::1"));
        Assert.Equal("NL", Lookup(overrides, "2001:db8::1"));
        Assert.Null(Lookup(overrides, "2001:db8::2"));
        Assert.Null(Lookup(overrides, "fe80::1"));
    }

    [Fact]
    public void Ipv4_mapped_addresses_and_rules_are_ipv4()
    {
        var overrides = Create(("192.168.0.0/16", "SE"), ("::ffff:172.16.0.0/108", "NO"));
        Assert.Equal("SE", Lookup(overrides, "::ffff:192.168.1.1"));
        Assert.Equal("NO", Lookup(overrides, "172.16.5.5"));
        Assert.Equal("NO", Lookup(overrides, "::ffff:172.16.5.5"));
        Assert.Null(Lookup(overrides, "::192.168.1.1"));
    }

    [Fact]
    public void A_zero_length_prefix_matches_everything_of_its_family()
    {
        var overrides = Create(("0.0.0.0/0", "BR"), ("::/0", "AR"), ("127.0.0.0/8", "IN"));
        Assert.Equal("BR", Lookup(overrides, "8.8.8.8"));
        Assert.Equal("IN", Lookup(overrides, "127.0.0.1"));
        Assert.Equal("AR", Lookup(overrides, "2001:4860::8888"));
    }

    [Fact]
    public void Empty_overrides_find_nothing()
    {
        Assert.Equal(0, GeoOverrides.Empty.Count);
        Assert.Null(Lookup(GeoOverrides.Empty, "10.0.0.1"));
        Assert.False(GeoOverrides.Empty.TryLookup([1, 2, 3], out _));
    }

    [Fact]
    public void Bad_rules_are_refused_with_the_rule_named()
    {
        Assert.Equal("geo override \"10.0.0.0/8\": unknown country code \"XX\"", Refuse(("10.0.0.0/8", "XX")));
        Assert.Equal("geo override \"ten/8\": not an IP network", Refuse(("ten/8", "US")));
        Assert.Equal("geo override \"10.0.0.0/33\": prefix length must be 0-32", Refuse(("10.0.0.0/33", "US")));
        Assert.Equal("geo override \"fd00::/129\": prefix length must be 0-128", Refuse(("fd00::/129", "US")));
        Assert.Equal("geo override \"10.0.0.0/-1\": prefix length must be 0-32", Refuse(("10.0.0.0/-1", "US")));
        Assert.Equal("geo override \"10.0.0.0/\": prefix length must be 0-32", Refuse(("10.0.0.0/", "US")));
        Assert.Equal("geo override \"10.1.0.0/8\": address has bits set past the /8 prefix", Refuse(("10.1.0.0/8", "US")));
        Assert.Equal("geo override \"fe80::1%eth0/64\": not an IP network", Refuse(("fe80::1%eth0/64", "US")));
        Assert.Equal("geo override \"10.0.0.0/8\" is given twice", Refuse(("10.0.0.0/8", "US"), ("10.0.0.0/8", "FR")));
    }
}
