namespace Meridian.Geo.Tests.Targets;

public class GeoTargetTests
{
    private static GeoTarget Parse(string text)
    {
        Assert.True(GeoTarget.TryParse(text, out var target, out var error), error);
        return target;
    }

    [Fact]
    public void Bare_colliding_codes_mean_continents_and_the_prefix_means_the_country()
    {
        var asia = Parse("AS");
        Assert.Equal(GeoTargetKind.Continent, asia.Kind);
        Assert.Equal(Continent.Asia, asia.Continent);
        Assert.True(asia.Contains("JP"));
        Assert.False(asia.Contains("AS"));

        var samoa = Parse("country:AS");
        Assert.Equal(GeoTargetKind.Country, samoa.Kind);
        Assert.Equal("AS", samoa.Code);
        Assert.Equal("American Samoa", samoa.Country!.Name);
        Assert.True(samoa.Contains("as"));
        Assert.False(samoa.Contains("JP"));
        Assert.Equal("country:AS", samoa.ToString());
    }

    [Fact]
    public void Prefixed_and_bare_spellings_of_a_country_are_the_same_target()
    {
        Assert.Same(Parse("FR"), Parse("country:fr"));
        Assert.Equal("FR", Parse("country:FR").ToString());
    }

    [Fact]
    public void Member_counts_follow_the_kind()
    {
        Assert.Equal(1, Parse("US").MemberCount);
        Assert.Equal(Continents.CountryCount(Continent.Europe), Parse("EU").MemberCount);
        Assert.Equal(3, Parse("DACH").MemberCount);
        Assert.Equal(GeoTargetKind.Group, Parse("dach").Kind);
    }

    [Fact]
    public void Contains_refuses_unknown_country_codes()
    {
        var europe = Parse("EU");
        Assert.True(europe.Contains("fr"));
        Assert.False(europe.Contains("ZZ"));
        Assert.False(europe.Contains(""));
    }

    [Fact]
    public void Every_country_continent_and_group_parses_from_its_canonical_text()
    {
        foreach (var country in Geo.Countries.All)
        {
            var text = Continents.TryParse(country.Code, out _) ? "country:" + country.Code : country.Code;
            var target = Parse(text);
            Assert.Same(country, target.Country);
            Assert.Equal(text, target.ToString());
        }
        foreach (var continent in Continents.All) Assert.Equal(continent, Parse(Continents.Code(continent)).Continent);
        foreach (var group in GeoGroups.All) Assert.Same(group, Parse(group.Name.ToLowerInvariant()).Group);
    }

    [Fact]
    public void TryParse_without_error_reports_failure()
    {
        Assert.False(GeoTarget.TryParse("nowhere", out var target));
        Assert.Null(target);
        Assert.False(GeoTarget.TryParse(null, out _));
    }
}
