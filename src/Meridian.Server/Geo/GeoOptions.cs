using System.Diagnostics.CodeAnalysis;
using Meridian.Geo;

namespace Meridian.Server.Geo;

/// <summary>The "Geo" configuration section: which database locates clients, and the operator's overrides.</summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    /// <summary>The file scripts/install-geo-db.sh installs under the data directory's geo folder.</summary>
    public const string DefaultFileName = "geo-whois-asn-country.mmdb";

    /// <summary>A MaxMind-format .mmdb file; empty means <c>{Meridian:DataDirectory}/geo/geo-whois-asn-country.mmdb</c>
    /// when that exists, else the database shipped beside the binary.</summary>
    public string Database { get; set; } = "";

    /// <summary>Refuse to start without a geo database (true): a GeoDNS server that silently answers everyone with the
    /// global records is worse than one that does not start.</summary>
    public bool Required { get; set; } = true;

    /// <summary>Reload the database when its file is replaced (a rename over it, as install-geo-db.sh does, or a copy).</summary>
    public bool WatchDatabase { get; set; } = true;

    /// <summary>CIDR -> country rules checked before the database (a list, because ':' in an IPv6 key would split
    /// a configuration path).</summary>
    public List<GeoOverrideOption> Overrides { get; set; } = [];

    /// <summary>The database path to use, given the data directory: <see cref="Database"/> when set (whether or not the
    /// file exists), else the data directory's copy when it exists, else the one shipped beside the binary when it
    /// exists, else the data directory's path (where a database installed later would be seen).</summary>
    public GeoDatabaseChoice ChooseDatabase(string dataDirectory, string? shippedDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(Database)) return new GeoDatabaseChoice(Path.GetFullPath(Database), GeoDatabaseSource.Configured);
        string inData = WatchedPath(dataDirectory);
        if (File.Exists(inData)) return new GeoDatabaseChoice(inData, GeoDatabaseSource.DataDirectory);
        string shipped = ShippedPath(shippedDirectory);
        if (File.Exists(shipped)) return new GeoDatabaseChoice(shipped, GeoDatabaseSource.Shipped);
        return new GeoDatabaseChoice(inData, GeoDatabaseSource.None);
    }

    /// <summary>The file the operator manages and a running server watches: <see cref="Database"/>, or the data
    /// directory's <c>geo/</c> copy.</summary>
    public string WatchedPath(string dataDirectory) => Path.GetFullPath(
        string.IsNullOrWhiteSpace(Database) ? Path.Combine(dataDirectory, "geo", DefaultFileName) : Database);

    /// <summary>The database shipped beside the binary (<c>geo/</c> in the build and publish output).</summary>
    public static string ShippedPath(string? shippedDirectory = null) =>
        Path.GetFullPath(Path.Combine(shippedDirectory ?? AppContext.BaseDirectory, "geo", DefaultFileName));

    /// <summary>Why the server cannot start with these settings (no database while one is required), or null.</summary>
    public string? MissingDatabaseProblem(string dataDirectory, string? shippedDirectory = null)
    {
        if (!Required) return null;
        var choice = ChooseDatabase(dataDirectory, shippedDirectory);
        if (choice.Source == GeoDatabaseSource.Configured)
        {
            return File.Exists(choice.Path) ? null
                : $"Geo:Database: no file at {choice.Path}; name an existing .mmdb file, or set Geo:Required=false to run without GeoDNS";
        }
        return choice.Source != GeoDatabaseSource.None ? null
            : $"Geo:Database: no geo database in {Path.GetDirectoryName(choice.Path)} nor beside the binary; run scripts/install-geo-db.sh, "
              + "set Geo:Database to an .mmdb file, or set Geo:Required=false to run without GeoDNS";
    }

    /// <summary>The overrides as the locator takes them, or the first problem with them.</summary>
    public bool TryCreateOverrides([NotNullWhen(true)] out GeoOverrides? overrides, [NotNullWhen(false)] out string? error)
    {
        if (GeoOverrides.TryCreate(Overrides.Select(o => KeyValuePair.Create(o.Network, o.Country)), out overrides, out error)) return true;
        error = "Geo:Overrides: " + error;
        return false;
    }
}

/// <summary>One override: every address in <see cref="Network"/> is in <see cref="Country"/>.</summary>
public sealed class GeoOverrideOption
{
    /// <summary>"10.0.0.0/8", "2001:db8::/32", or a bare address.</summary>
    public string Network { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string Country { get; set; } = "";
}

/// <summary>Where the geo database in use comes from.</summary>
public enum GeoDatabaseSource
{
    /// <summary>No file found; the path is where one would be looked for.</summary>
    None,

    /// <summary><c>Geo:Database</c>.</summary>
    Configured,

    /// <summary><c>{Meridian:DataDirectory}/geo/</c>.</summary>
    DataDirectory,

    /// <summary><c>geo/</c> beside the binary, as built or published.</summary>
    Shipped,
}

/// <summary>The geo database file chosen at start, and why that one.</summary>
public sealed record GeoDatabaseChoice(string Path, GeoDatabaseSource Source)
{
    public string Describe() => Source switch
    {
        GeoDatabaseSource.Configured => "Geo:Database",
        GeoDatabaseSource.DataDirectory => "the data directory",
        GeoDatabaseSource.Shipped => "shipped beside the binary",
        _ => "none found",
    };
}
