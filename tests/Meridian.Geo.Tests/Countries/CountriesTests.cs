namespace Meridian.Geo.Tests.Countries;

public class CountriesTests
{
    [Fact]
    public void Table_holds_every_iso_country_plus_kosovo()
    {
        // ISO 3166-1 assigns 249 alpha-2 codes; XK (Kosovo) is the user-assigned code geo databases use.
        Assert.Equal(250, Geo.Countries.All.Count);
        Assert.True(Geo.Countries.TryGet("XK", out _));
    }

    [Fact]
    public void Codes_are_unique_upper_case_pairs_sorted()
    {
        var codes = Geo.Countries.All.Select(c => c.Code).ToList();
        Assert.All(codes, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void Every_country_has_a_continent_a_name_and_a_centroid_in_range()
    {
        Assert.All(Geo.Countries.All, country =>
        {
            Assert.NotEqual(Continent.Unknown, country.Continent);
            Assert.False(string.IsNullOrWhiteSpace(country.Name));
            Assert.InRange(country.Latitude, -90, 90);
            Assert.InRange(country.Longitude, -180, 180);
        });
    }

    [Theory]
    [InlineData("FR", Continent.Europe)]
    [InlineData("DE", Continent.Europe)]
    [InlineData("BR", Continent.SouthAmerica)]
    [InlineData("AR", Continent.SouthAmerica)]
    [InlineData("US", Continent.NorthAmerica)]
    [InlineData("MX", Continent.NorthAmerica)]
    [InlineData("PA", Continent.NorthAmerica)]
    [InlineData("JM", Continent.NorthAmerica)]
    [InlineData("AU", Continent.Oceania)]
    [InlineData("AS", Continent.Oceania)]
    [InlineData("AQ", Continent.Antarctica)]
    [InlineData("JP", Continent.Asia)]
    [InlineData("NA", Continent.Africa)]
    [InlineData("EG", Continent.Africa)]
    [InlineData("SA", Continent.Asia)]
    public void Spot_checks_match_the_seven_continent_model(string code, Continent expected)
    {
        Assert.True(Geo.Countries.TryGet(code, out var country));
        Assert.Equal(expected, country.Continent);
    }

    [Fact]
    public void Centroids_put_countries_where_they_are()
    {
        Assert.True(Geo.Countries.TryGet("FR", out var france));
        Assert.InRange(france.Latitude, 42, 51);
        Assert.InRange(france.Longitude, -5, 8);
        Assert.True(Geo.Countries.TryGet("AU", out var australia));
        Assert.True(australia.Latitude < 0);
        Assert.True(australia.Longitude > 110);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("Fr")]
    [InlineData("FR")]
    public void TryGet_ignores_case(string code)
    {
        Assert.True(Geo.Countries.TryGet(code, out var country));
        Assert.Equal("FR", country.Code);
        Assert.Equal("France", country.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("F")]
    [InlineData("FRA")]
    [InlineData("ZZ")]
    [InlineData("F1")]
    [InlineData("É1")]
    public void TryGet_refuses_what_is_not_a_country(string? code)
    {
        Assert.False(Geo.Countries.TryGet(code, out var country));
        Assert.Null(country);
    }

    [Fact]
    public void TryGet_reads_ascii_octets()
    {
        Assert.True(Geo.Countries.TryGet("de"u8, out var germany));
        Assert.Equal("DE", germany.Code);
        Assert.False(Geo.Countries.TryGet("DEU"u8, out _));
    }

    [Fact]
    public void Source_names_the_npm_package()
    {
        Assert.StartsWith("world-countries@", Geo.Countries.Source, StringComparison.Ordinal);
    }
}
