namespace Meridian.Geo.Tests.Countries;

public class ContinentsTests
{
    [Theory]
    [InlineData("AF", Continent.Africa)]
    [InlineData("AN", Continent.Antarctica)]
    [InlineData("AS", Continent.Asia)]
    [InlineData("EU", Continent.Europe)]
    [InlineData("NA", Continent.NorthAmerica)]
    [InlineData("OC", Continent.Oceania)]
    [InlineData("SA", Continent.SouthAmerica)]
    public void Codes_read_and_print_both_ways(string code, Continent continent)
    {
        Assert.True(Continents.TryParse(code, out var parsed));
        Assert.Equal(continent, parsed);
        Assert.True(Continents.TryParse(code.ToLowerInvariant(), out parsed));
        Assert.Equal(continent, parsed);
        Assert.Equal(code, Continents.Code(continent));
    }

    [Theory]
    [InlineData("")]
    [InlineData("E")]
    [InlineData("EUR")]
    [InlineData("US")]
    public void TryParse_refuses_other_codes(string code) => Assert.False(Continents.TryParse(code, out _));

    [Fact]
    public void Every_country_lies_on_exactly_one_continent()
    {
        Assert.Equal(Geo.Countries.All.Count, Continents.All.Sum(Continents.CountryCount));
        foreach (var continent in Continents.All)
            Assert.Equal(Geo.Countries.All.Count(c => c.Continent == continent), Continents.CountryCount(continent));
    }

    [Fact]
    public void Antarctica_holds_the_antarctic_territories()
    {
        var codes = Geo.Countries.All.Where(c => c.Continent == Continent.Antarctica).Select(c => c.Code);
        Assert.Equal(["AQ", "BV", "GS", "HM", "TF"], codes);
    }
}
