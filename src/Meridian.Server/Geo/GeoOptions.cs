using System.Diagnostics.CodeAnalysis;
using Meridian.Geo;

namespace Meridian.Server.Geo;

/// <summary>The "Geo" configuration section: which database locates clients, and the operator's overrides.</summary>
public sealed class GeoOptions
{
    public const string Section = "Geo";

    /// <summary>The file scripts/install-geo-db.sh installs under the data directory's geo folder.</summary>
    public const string DefaultFileName = "geo-whois-asn-country.mmdb";

    /// <summary>A MaxMind-format .mmdb file; empty means <c>{Meridian:DataDirectory}/geo/geo-whois-asn-country.mmdb</c>.</summary>
    public string Database { get; set; } = "";

    /// <summary>Reload the database when its file is replaced (a rename over it, as install-geo-db.sh does, or a copy).</summary>
    public bool WatchDatabase { get; set; } = true;

    /// <summary>CIDR -> country rules checked before the database (a list, because ':' in an IPv6 key would split
    /// a configuration path).</summary>
    public List<GeoOverrideOption> Overrides { get; set; } = [];

    /// <summary>The database path to use, given the data directory.</summary>
    public string DatabasePath(string dataDirectory) =>
        string.IsNullOrWhiteSpace(Database) ? Path.Combine(dataDirectory, "geo", DefaultFileName) : Database;

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
