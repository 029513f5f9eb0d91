namespace Meridian.Geo.Tests.Selection;

public class GeoSelectorTests
{
    private static GeoCandidate[] Candidates(params string[] rows) =>
        [.. rows.Select((row, i) =>
        {
            var codes = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(GeoTargets.TryParse(codes, out var targets, out var error), error);
            return new GeoCandidate(i, targets);
        })];

    private static GeoLocation In(string country)
    {
        Assert.True(Geo.Countries.TryGet(country, out var info));
        return new GeoLocation(info);
    }

    private static (int[] Chosen, GeoSelection Selection) Select(GeoLocation location, GeoCandidate[] candidates)
    {
        var chosen = new int[candidates.Length];
        var selection = GeoSelector.Select(location, candidates, chosen);
        return (chosen[..selection.Count], selection);
    }

    // Each row: client country, then the expected chosen indexes, for one rule table.
    private static readonly GeoCandidate[] s_table = Candidates(
        "FR",            // 0
        "DE AT",         // 1
        "EU",            // 2
        "DACH",          // 3
        "EMEA",          // 4
        "US CA MX",      // 5
        "NA",            // 6
        "country:NA",    // 7 Namibia
        "disabled");     // 8

    [Theory]
    [InlineData("FR", new[] { 0 }, GeoSelectionRule.Country)]
    [InlineData("AT", new[] { 1 }, GeoSelectionRule.Country)]
    [InlineData("CH", new[] { 3 }, GeoSelectionRule.SmallestArea)]     // DACH (3) beats EU (53) and EMEA
    [InlineData("IT", new[] { 2 }, GeoSelectionRule.SmallestArea)]     // EU (53) beats EMEA (130)
    [InlineData("EG", new[] { 4 }, GeoSelectionRule.SmallestArea)]     // Africa is only in EMEA here
    [InlineData("NA", new[] { 7 }, GeoSelectionRule.Country)]          // Namibia, not North America
    [InlineData("ZA", new[] { 4 }, GeoSelectionRule.SmallestArea)]
    [InlineData("CA", new[] { 5 }, GeoSelectionRule.Country)]
    [InlineData("JM", new[] { 6 }, GeoSelectionRule.SmallestArea)]     // Jamaica is in continent NA
    [InlineData("JP", new[] { 8 }, GeoSelectionRule.Global)]
    [InlineData("BR", new[] { 8 }, GeoSelectionRule.Global)]
    public void The_rule_table_answers_each_client_from_the_first_matching_step(string client, int[] expected, GeoSelectionRule rule)
    {
        var (chosen, selection) = Select(In(client), s_table);
        Assert.Equal(expected, chosen);
        Assert.Equal(rule, selection.Rule);
        Assert.True(selection.DependsOnLocation);
    }

    [Fact]
    public void Every_candidate_naming_the_country_is_chosen()
    {
        var (chosen, _) = Select(In("DE"), Candidates("EU", "DE", "DE FR", "DACH", "country:de"));
        Assert.Equal([1, 2, 4], chosen);
    }

    [Fact]
    public void A_candidate_counts_with_its_own_smallest_containing_area()
    {
        // Candidate 0 also targets EMEA, but its DACH target makes it the smallest match for Austria.
        var (chosen, selection) = Select(In("AT"), Candidates("EMEA DACH", "EU", "EU27"));
        Assert.Equal([0], chosen);
        Assert.Equal(GeoSelectionRule.SmallestArea, selection.Rule);
        (chosen, _) = Select(In("FR"), Candidates("EMEA DACH", "EU", "EU27"));
        Assert.Equal([2], chosen);
    }

    [Fact]
    public void Candidates_tied_on_the_smallest_area_are_all_chosen()
    {
        var (chosen, _) = Select(In("BE"), Candidates("BENELUX", "EU", "benelux JP", "BENELUX DACH"));
        Assert.Equal([0, 2, 3], chosen);
    }

    [Fact]
    public void No_two_different_areas_containing_one_country_have_the_same_size()
    {
        // The documented tie rule (all candidates of the smallest size) only ever joins candidates that
        // target the very same area while this holds for the current tables.
        var areas = Continents.All.Select(c => (Name: Continents.Code(c), Target: Parse(Continents.Code(c))))
            .Concat(GeoGroups.All.Select(g => (Name: g.Name, Target: Parse(g.Name))))
            .ToList();
        foreach (var country in Geo.Countries.All)
        {
            var sizes = areas.Where(a => a.Target.Contains(country)).Select(a => a.Target.MemberCount).ToList();
            Assert.True(sizes.Count == sizes.Distinct().Count(), $"{country.Code} lies in two areas of one size");
        }

        static GeoTarget Parse(string code)
        {
            Assert.True(GeoTarget.TryParse(code, out var target));
            return target;
        }
    }

    [Fact]
    public void Global_candidates_answer_when_nothing_targets_the_client()
    {
        var (chosen, selection) = Select(In("JP"), Candidates("FR", "disabled", "EU", "disabled"));
        Assert.Equal([1, 3], chosen);
        Assert.Equal(GeoSelectionRule.Global, selection.Rule);
    }

    [Fact]
    public void Without_globals_the_nearest_targets_answer()
    {
        // Portugal's nearest targeted country is Spain, far closer than the United States or Japan.
        var (chosen, selection) = Select(In("PT"), Candidates("US", "ES", "JP"));
        Assert.Equal([1], chosen);
        Assert.Equal(GeoSelectionRule.Nearest, selection.Rule);
        Assert.True(selection.DependsOnLocation);
    }

    [Fact]
    public void A_group_target_is_as_near_as_its_nearest_member()
    {
        Assert.True(Geo.Countries.TryGet("JP", out var japan));
        Assert.True(Geo.Countries.TryGet("RU", out var russia));
        Assert.True(Geo.Countries.TryGet("AU", out var australia));
        // Russia (continent EU) has its centroid in Siberia, nearer Japan than Australia's is.
        Assert.True(Distance(japan, russia) < Distance(japan, australia));
        var (chosen, _) = Select(In("JP"), Candidates("AU", "EU"));
        Assert.Equal([1], chosen);
        (chosen, _) = Select(In("JP"), Candidates("AU", "DACH"));
        Assert.Equal([0], chosen);

        static double Distance(CountryInfo a, CountryInfo b) =>
            GreatCircle.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
    }

    [Fact]
    public void Candidates_tied_on_distance_are_all_chosen()
    {
        var (chosen, _) = Select(In("PT"), Candidates("ES", "JP", "ES FR", "EMEA"));
        // EMEA contains Portugal itself, so it is a step-2 match and wins outright.
        Assert.Equal([3], chosen);
        (chosen, _) = Select(In("PT"), Candidates("ES", "JP", "FR ES"));
        Assert.Equal([0, 2], chosen);
    }

    [Fact]
    public void An_unknown_location_gets_the_globals_or_else_everything()
    {
        var (chosen, selection) = Select(GeoLocation.Unknown, Candidates("FR", "disabled", "EMEA"));
        Assert.Equal([1], chosen);
        Assert.Equal(GeoSelectionRule.Global, selection.Rule);
        Assert.True(selection.DependsOnLocation);

        (chosen, selection) = Select(GeoLocation.Unknown, Candidates("FR", "US", "EMEA"));
        Assert.Equal([0, 1, 2], chosen);
        Assert.Equal(GeoSelectionRule.All, selection.Rule);
    }

    [Fact]
    public void A_continent_only_location_matches_continent_targets_then_falls_back()
    {
        var candidates = Candidates("JP", "AS", "disabled", "APAC");
        var (chosen, selection) = Select(GeoLocation.ContinentOnly(Continent.Asia), candidates);
        Assert.Equal([1], chosen);
        Assert.Equal(GeoSelectionRule.SmallestArea, selection.Rule);
        (chosen, _) = Select(GeoLocation.ContinentOnly(Continent.Europe), candidates);
        Assert.Equal([2], chosen);
    }

    [Fact]
    public void Only_global_candidates_do_not_depend_on_location()
    {
        var candidates = Candidates("disabled", "");
        foreach (var location in new[] { In("FR"), GeoLocation.Unknown })
        {
            var (chosen, selection) = Select(location, candidates);
            Assert.Equal([0, 1], chosen);
            Assert.Equal(GeoSelectionRule.Global, selection.Rule);
            Assert.False(selection.DependsOnLocation);
        }
    }

    [Fact]
    public void No_candidates_choose_nothing()
    {
        var selection = GeoSelector.Select(In("FR"), [], []);
        Assert.Equal(new GeoSelection(0, GeoSelectionRule.None, false), selection);
    }

    [Fact]
    public void The_callers_indexes_are_reported()
    {
        Assert.True(GeoTargets.TryParse(["FR"], out var france, out _));
        GeoCandidate[] candidates = [new(40, GeoTargetSet.Global), new(17, france), new(99, france)];
        var (chosen, _) = Select(In("FR"), candidates);
        Assert.Equal([17, 99], chosen);
    }

    [Fact]
    public void A_short_output_span_is_a_programming_error()
    {
        var candidates = Candidates("FR", "DE");
        Assert.Throws<ArgumentException>(() => GeoSelector.Select(In("FR"), candidates, new int[1]));
    }

    [Fact]
    public void Antarctica_is_targeted_by_its_continent()
    {
        var (chosen, _) = Select(In("AQ"), Candidates("EMEA", "AN", "disabled"));
        Assert.Equal([1], chosen);
    }
}
