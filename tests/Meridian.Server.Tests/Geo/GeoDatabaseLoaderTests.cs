using Meridian.Geo;
using Meridian.Server.Geo;

namespace Meridian.Server.Tests.Geo;

/// <summary>The geo database at start and while running: missing (said once), arriving, replaced by a broken file.
/// Uses the database scripts/install-geo-db.sh installs; skipped without it.</summary>
public sealed class GeoDatabaseLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-geo-").FullName;
    private readonly List<string> _info = [];
    private readonly List<string> _warnings = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private GeoDatabaseLoader Loader(GeoLocator locator) =>
        new(locator, Path.Combine(_directory, "geo.mmdb"), m => { lock (_info) _info.Add(m); }, m => { lock (_warnings) _warnings.Add(m); });

    [Fact]
    public void A_missing_database_is_reported_once_and_every_client_is_unknown()
    {
        using var locator = new GeoLocator();
        using var loader = Loader(locator);

        loader.Start(watch: false);
        loader.Reload();
        loader.Reload();

        Assert.Null(locator.Database);
        Assert.Single(_warnings);
        Assert.Contains("every client is of unknown location", _warnings[0], StringComparison.Ordinal);
        Assert.True(locator.Locate([8, 8, 8, 8]).IsUnknown);
    }

    [InstalledDatabaseFact]
    public void A_reload_picks_up_a_new_file_and_a_broken_one_keeps_the_previous_database()
    {
        using var locator = new GeoLocator(retireDelay: TimeSpan.Zero);
        using var loader = Loader(locator);
        loader.Start(watch: false);

        File.Copy(InstalledDatabase.Required, loader.Path);
        loader.Reload();
        var loaded = locator.Database;
        // Replaced by renaming over it: the loaded database is memory-mapped, so the file is never written in place.
        File.WriteAllText(loader.Path + ".tmp", "not a MaxMind database");
        File.Move(loader.Path + ".tmp", loader.Path, overwrite: true);
        loader.Reload();

        Assert.NotNull(loaded);
        Assert.Same(loaded, locator.Database);
        Assert.Equal("US", locator.Locate([8, 8, 8, 8]).CountryCode);
        Assert.Contains(_warnings, w => w.Contains("the previous database stays in use", StringComparison.Ordinal));
    }

    [InstalledDatabaseFact]
    public async Task A_database_copied_in_while_running_is_loaded_without_a_reload()
    {
        using var locator = new GeoLocator();
        using var loader = Loader(locator);
        loader.Start(watch: true);
        Assert.Null(locator.Database);

        // As install-geo-db.sh does: copy under another name, then rename over the watched one.
        File.Copy(InstalledDatabase.Required, loader.Path + ".tmp");
        File.Move(loader.Path + ".tmp", loader.Path);
        for (int i = 0; i < 200 && locator.Database is null; i++) await Task.Delay(50);

        Assert.NotNull(locator.Database);
        Assert.Equal("US", locator.Locate([8, 8, 8, 8]).CountryCode);
    }
}

/// <summary>The database scripts/install-geo-db.sh installs under the repository's data/geo, when it is there.</summary>
internal static class InstalledDatabase
{
    public static string? Path { get; } = Find();

    /// <summary>The path, or an exception naming what is missing: the suite needs the database.</summary>
    public static string Required => Path ?? throw new InvalidOperationException(
        "data/geo/geo-whois-asn-country.mmdb is not installed (scripts/install-geo-db.sh, which ./test.sh runs, installs it) and this test needs it");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(System.IO.Path.Combine(dir.FullName, "Meridian.sln"))) continue;
            var path = System.IO.Path.Combine(dir.FullName, "data", "geo", "geo-whois-asn-country.mmdb");
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}

/// <summary>A fact that needs the installed geo database; without it the test fails naming it (never a skip).</summary>
public sealed class InstalledDatabaseFactAttribute : FactAttribute;
