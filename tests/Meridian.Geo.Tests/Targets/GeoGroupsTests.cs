namespace Meridian.Geo.Tests.Targets;

public class GeoGroupsTests
{
    private static GeoGroup Group(string name)
    {
        Assert.True(GeoGroups.TryGet(name, out var group));
        return group;
    }

    private static IEnumerable<string> Codes(string name) => Group(name).Countries.Select(c => c.Code);

    [Fact]
    public void The_expected_groups_exist()
    {
        foreach (var name in new[] { "EMEA", "APAC", "AMER", "LATAM", "DACH", "NORDICS", "BENELUX", "MENA", "GCC", "EU27", "CIS", "ASEAN", "ANZ", "BALTICS" })
            Assert.True(GeoGroups.TryGet(name.ToLowerInvariant(), out _), name);
    }

    [Fact]
    public void Group_names_cannot_be_read_as_anything_else()
    {
        Assert.All(GeoGroups.All, group =>
        {
            Assert.Matches("^[A-Z][A-Z0-9]{2,}$", group.Name);
            Assert.False(Continents.TryParse(group.Name, out _));
            Assert.False(Geo.Countries.TryGet(group.Name, out _));
            Assert.NotEqual("DISABLED", group.Name);
        });
        Assert.Equal(GeoGroups.All.Count, GeoGroups.All.Select(g => g.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Small_groups_hold_exactly_their_members()
    {
        Assert.Equal(["AT", "CH", "DE"], Codes("DACH"));
        Assert.Equal(["BE", "LU", "NL"], Codes("BENELUX"));
        Assert.Equal(["AX", "DK", "FI", "FO", "GL", "IS", "NO", "SE", "SJ"], Codes("NORDICS"));
        Assert.Equal(["AE", "BH", "KW", "OM", "QA", "SA"], Codes("GCC"));
        Assert.Equal(27, Group("EU27").CountryCount);
        Assert.Equal(10, Group("ASEAN").CountryCount);
    }

    [Fact]
    public void Emea_apac_amer_and_antarctica_divide_the_world()
    {
        var emea = Group("EMEA");
        var apac = Group("APAC");
        var amer = Group("AMER");
        foreach (var country in Geo.Countries.All)
        {
            int homes = (emea.Contains(country) ? 1 : 0) + (apac.Contains(country) ? 1 : 0) + (amer.Contains(country) ? 1 : 0);
            Assert.True(homes == (country.Continent == Continent.Antarctica ? 0 : 1), country.Code);
        }
    }

    [Theory]
    [InlineData("EMEA", "FR", true)]
    [InlineData("EMEA", "ZA", true)]
    [InlineData("EMEA", "AE", true)]
    [InlineData("EMEA", "TR", true)]
    [InlineData("EMEA", "IN", false)]
    [InlineData("APAC", "IN", true)]
    [InlineData("APAC", "AU", true)]
    [InlineData("APAC", "KZ", true)]
    [InlineData("APAC", "IL", false)]
    [InlineData("LATAM", "MX", true)]
    [InlineData("LATAM", "BR", true)]
    [InlineData("LATAM", "PR", true)]
    [InlineData("LATAM", "US", false)]
    [InlineData("LATAM", "JM", false)]
    [InlineData("MENA", "EG", true)]
    [InlineData("MENA", "MA", true)]
    [InlineData("MENA", "TR", false)]
    [InlineData("CIS", "RU", true)]
    [InlineData("CIS", "UA", false)]
    public void Membership_spot_checks(string group, string country, bool member)
    {
        Assert.True(Geo.Countries.TryGet(country, out var info));
        Assert.Equal(member, Group(group).Contains(info));
    }

    [Fact]
    public void The_documentation_lists_every_group_with_its_members()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "geodns.md"));
        foreach (var group in GeoGroups.All)
        {
            var row = doc.SingleOrDefault(line => line.StartsWith($"| `{group.Name}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"docs/geodns.md has no row for {group.Name}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            // | `NAME` | meaning | count | members |
            Assert.Equal(group.CountryCount.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3]);
            Assert.Equal(string.Join(' ', group.Countries.Select(c => c.Code)), cells[4]);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) return dir.FullName;
        throw new InvalidOperationException("Meridian.sln not found above the test binaries");
    }
}
