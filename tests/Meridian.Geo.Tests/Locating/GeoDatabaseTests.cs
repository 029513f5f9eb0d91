using static Meridian.Geo.Tests.Locating.TestDatabases;

namespace Meridian.Geo.Tests.Locating;

public sealed class GeoDatabaseTests : IDisposable
{
    private readonly TestDatabases _files = new();

    public void Dispose() => _files.Dispose();

    private static string? Lookup(GeoDatabase database, string address) =>
        database.TryLookup(Address(address), out var location) ? location.ToString() : null;

    [Theory]
    [InlineData("192.0.2.1", "FR")]
    [InlineData("192.0.2.255", "FR")]
    [InlineData("198.51.100.1", "US")]
    [InlineData("198.51.100.200", "CA")]
    [InlineData("::ffff:192.0.2.9", "FR")]
    [InlineData("2001:db8:ffff::1", "DE")]
    [InlineData("2001:db8:1::1", "JP")]
    [InlineData("192.0.3.1", null)]
    [InlineData("2001:db9::1", null)]
    [InlineData("203.0.113.5", null)]
    public void Top_level_country_code_shape_is_read(string address, string? expected)
    {
        using var database = GeoDatabase.Open(_files.TopLevelShape());
        Assert.Equal(expected, Lookup(database, address));
    }

    [Theory]
    [InlineData("192.0.2.1", "BR")]
    [InlineData("100.100.1.1", "continent AS")]
    [InlineData("198.19.0.1", "NZ")]
    [InlineData("2001:db8::53", "AU")]
    [InlineData("10.0.0.1", null)]
    public void Nested_iso_code_shape_is_read(string address, string? expected)
    {
        using var database = GeoDatabase.Open(_files.NestedShape());
        Assert.Equal(expected, Lookup(database, address));
    }

    [Fact]
    public void A_location_carries_the_table_continent()
    {
        using var database = GeoDatabase.Open(_files.NestedShape());
        Assert.True(database.TryLookup(Address("192.0.2.1"), out var location));
        Assert.Equal("BR", location.CountryCode);
        Assert.Equal(Continent.SouthAmerica, location.Continent);
        Assert.True(database.TryLookup(Address("100.64.0.1"), out location));
        Assert.Null(location.Country);
        Assert.Equal(Continent.Asia, location.Continent);
    }

    [Fact]
    public void Metadata_is_exposed()
    {
        using var database = GeoDatabase.Open(_files.NestedShape());
        Assert.Equal("GeoLite2-Country", database.DatabaseType);
        Assert.Equal(6, database.IPVersion);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), database.BuildDate);
    }

    [Fact]
    public void IPv4_only_database_answers_ipv4_and_refuses_ipv6_quietly()
    {
        using var database = GeoDatabase.Open(_files.IPv4Only());
        Assert.Equal(4, database.IPVersion);
        Assert.Equal("IT", Lookup(database, "192.0.2.7"));
        Assert.Equal("IT", Lookup(database, "::ffff:192.0.2.7"));
        Assert.Null(Lookup(database, "2001:db8::1"));
    }

    [Fact]
    public void Addresses_of_other_lengths_are_not_found()
    {
        using var database = GeoDatabase.Open(_files.TopLevelShape());
        Assert.False(database.TryLookup([], out _));
        Assert.False(database.TryLookup([192, 0, 2], out _));
        Assert.False(database.TryLookup(new byte[5], out var location));
        Assert.True(location.IsUnknown);
    }

    [Fact]
    public void A_disposed_database_answers_not_found()
    {
        var database = GeoDatabase.Open(_files.TopLevelShape());
        database.Dispose();
        Assert.False(database.TryLookup(Address("192.0.2.1"), out _));
    }

    [Fact]
    public void TryOpen_explains_missing_and_damaged_files()
    {
        Assert.False(GeoDatabase.TryOpen(_files.PathOf("missing.mmdb"), out var database, out var error));
        Assert.Null(database);
        Assert.Contains("missing.mmdb", error, StringComparison.Ordinal);

        var garbage = _files.PathOf("garbage.mmdb");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)i)]);
        Assert.False(GeoDatabase.TryOpen(garbage, out _, out error));
        Assert.StartsWith("cannot open geo database", error, StringComparison.Ordinal);
    }
}
