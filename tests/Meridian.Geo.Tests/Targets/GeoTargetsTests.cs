namespace Meridian.Geo.Tests.Targets;

public class GeoTargetsTests
{
    private static IReadOnlyList<string> Normalize(params string[]? codes)
    {
        Assert.True(GeoTargets.TryNormalize(codes, out var normalized, out var error), error);
        return normalized;
    }

    private static string Refuse(params string[] codes)
    {
        Assert.False(GeoTargets.TryNormalize(codes, out _, out var error));
        return error;
    }

    [Fact]
    public void Null_empty_and_disabled_all_mean_disabled()
    {
        Assert.Equal(["disabled"], Normalize(null));
        Assert.Equal(["disabled"], Normalize());
        Assert.Equal(["disabled"], Normalize("disabled"));
        Assert.Equal(["disabled"], Normalize(" DISABLED "));
        Assert.Equal(["disabled"], Normalize("disabled", "Disabled"));
    }

    [Fact]
    public void Entries_are_trimmed_and_upper_cased_in_order()
    {
        Assert.Equal(["US", "CA", "MX"], Normalize(" us", "Ca ", "mx"));
        Assert.Equal(["EU", "NA"], Normalize("eu", "na"));
        Assert.Equal(["EMEA", "DACH"], Normalize("emea", "Dach"));
    }

    [Fact]
    public void Country_prefix_is_kept_in_lower_case_with_the_code_upper_cased()
    {
        Assert.Equal(["country:AS", "country:NA", "country:SA", "country:FR"],
            Normalize("country:as", "COUNTRY:na", "Country: sa", "country:FR"));
    }

    [Fact]
    public void Exact_duplicates_are_dropped_keeping_the_first()
    {
        Assert.Equal(["US", "EU", "CA"], Normalize("US", "eu", "us", "CA", " EU"));
        // Different spellings of one country are both kept: only exact duplicates go.
        Assert.Equal(["US", "country:US"], Normalize("US", "country:us"));
    }

    [Fact]
    public void Unknown_codes_are_named_exactly()
    {
        Assert.Equal("unknown country code \"XX\"", Refuse("US", "XX"));
        Assert.Equal("unknown country code \"xx\"", Refuse("xx"));
        Assert.Equal("unknown country code \"ZZ\"", Refuse("country:ZZ"));
        Assert.Equal("unknown country code \"EU\"", Refuse("country:EU"));
        Assert.Equal("unknown country code \"\"", Refuse("country:"));
        Assert.Equal("unknown country, continent or group \"EUROPE\"", Refuse("EUROPE"));
        Assert.Equal("unknown country, continent or group \"USA\"", Refuse(" USA "));
        Assert.Equal("unknown country, continent or group \"U\"", Refuse("U"));
    }

    [Fact]
    public void Empty_entries_are_refused()
    {
        Assert.Equal("country code must not be empty", Refuse("US", ""));
        Assert.Equal("country code must not be empty", Refuse("   "));
        Assert.False(GeoTargets.TryNormalize([null!], out _, out var error));
        Assert.Equal("country code must not be empty", error);
    }

    [Fact]
    public void Disabled_mixed_with_targets_is_refused()
    {
        const string Expected = "\"disabled\" cannot be combined with other country codes";
        Assert.Equal(Expected, Refuse("disabled", "US"));
        Assert.Equal(Expected, Refuse("EU", "DISABLED"));
    }

    [Fact]
    public void TryParse_gives_the_global_set_for_disabled()
    {
        Assert.True(GeoTargets.TryParse(["disabled"], out var targets, out _));
        Assert.Same(GeoTargetSet.Global, targets);
        Assert.True(GeoTargets.TryParse(null, out targets, out _));
        Assert.True(targets.IsGlobal);
        Assert.Equal(["disabled"], targets.ToCodes());
    }

    [Fact]
    public void TryParse_resolves_each_target_once()
    {
        Assert.True(GeoTargets.TryParse(["US", "country:us", "eu", "EMEA"], out var targets, out _));
        Assert.False(targets.IsGlobal);
        Assert.Equal(["US", "EU", "EMEA"], targets.ToCodes());
        Assert.Equal(
            [GeoTargetKind.Country, GeoTargetKind.Continent, GeoTargetKind.Group],
            targets.Targets.Select(t => t.Kind));
        Assert.True(GeoTargets.TryParse(["country:as"], out targets, out _));
        Assert.Equal(["country:AS"], targets.ToCodes());
    }

    [Fact]
    public void TryParse_fails_with_the_same_errors_as_normalize()
    {
        Assert.False(GeoTargets.TryParse(["US", "QQ"], out var targets, out var error));
        Assert.Null(targets);
        Assert.Equal("unknown country code \"QQ\"", error);
    }

    [Fact]
    public void Covers_tells_whether_any_target_reaches_a_country()
    {
        Assert.True(GeoTargets.TryParse(["DACH", "JP"], out var targets, out _));
        Assert.True(Geo.Countries.TryGet("AT", out var austria));
        Assert.True(Geo.Countries.TryGet("JP", out var japan));
        Assert.True(Geo.Countries.TryGet("FR", out var france));
        Assert.True(targets.Covers(austria));
        Assert.True(targets.Covers(japan));
        Assert.False(targets.Covers(france));
    }
}
