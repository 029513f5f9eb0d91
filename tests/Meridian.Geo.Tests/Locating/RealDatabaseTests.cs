using static Meridian.Geo.Tests.Locating.TestDatabases;

namespace Meridian.Geo.Tests.Locating;

/// <summary>Reads the default database that scripts/install-geo-db.sh installs (./test.sh runs it); without it the
/// tests fail naming it.</summary>
public class RealDatabaseTests
{
    internal static string Find() => FindInstalled() ?? throw new InvalidOperationException(
        "data/geo/geo-whois-asn-country.mmdb is not installed (scripts/install-geo-db.sh, which ./test.sh runs, installs it) and this test needs it");

    private static string? FindInstalled()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) continue;
            var path = Path.Combine(dir.FullName, "data", "geo", "geo-whois-asn-country.mmdb");
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    [RealDatabaseFact]
    public void Well_known_resolvers_are_where_their_operators_are()
    {
        using var database = GeoDatabase.Open(Find());
        Assert.Equal(6, database.IPVersion);
        Assert.True(database.TryLookup(Address("8.8.8.8"), out var google));
        Assert.Equal("US", google.CountryCode);
        Assert.True(database.TryLookup(Address("2001:4860:4860::8888"), out var googleV6));
        Assert.Equal("US", googleV6.CountryCode);
        Assert.False(database.TryLookup(Address("10.0.0.1"), out _));
        Assert.False(database.TryLookup(Address("127.0.0.1"), out _));
    }
}

/// <summary>A fact that needs the installed database; fails naming it when absent (never a skip).</summary>
public sealed class RealDatabaseFactAttribute : FactAttribute;
