using System.Net;

namespace Meridian.Geo.Tests.Locating;

/// <summary>Builds the small .mmdb files the tests read, in a temporary directory removed on dispose.</summary>
internal sealed class TestDatabases : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-geo-").FullName;

    /// <summary>ip-location-db shape: a top-level <c>country_code</c>.</summary>
    public static MmdbWriter.Map TopLevel(string countryCode) => new() { { "country_code", countryCode } };

    /// <summary>GeoLite2 / DB-IP shape, with the extra keys real files carry (which the reader must skip).</summary>
    public static MmdbWriter.Map Nested(string? countryCode, string? continentCode, string? registeredCode = null)
    {
        var record = new MmdbWriter.Map();
        if (continentCode is not null)
        {
            record.Add("continent", new MmdbWriter.Map
            {
                { "code", continentCode },
                { "geoname_id", 6255148u },
                { "names", new MmdbWriter.Map { { "en", "Somewhere" }, { "fr", "Quelque part" } } },
            });
        }
        if (countryCode is not null)
        {
            record.Add("country", new MmdbWriter.Map
            {
                { "geoname_id", 3017382u },
                { "is_in_european_union", true },
                { "iso_code", countryCode },
                { "names", new MmdbWriter.Map { { "en", "Some country" } } },
            });
        }
        if (registeredCode is not null)
            record.Add("registered_country", new MmdbWriter.Map { { "iso_code", registeredCode } });
        record.Add("location", new MmdbWriter.Map { { "latitude", 46.0 }, { "longitude", 2.0 } });
        return record;
    }

    /// <summary>An IPv6 database (IPv4 under ::/96) in the top-level shape.</summary>
    public string TopLevelShape(string name = "top-level.mmdb") => new MmdbWriter(6) { DatabaseType = "country" }
        .Add("192.0.2.0/24", TopLevel("FR"))
        .Add("198.51.100.0/24", TopLevel("US"))
        .Add("198.51.100.128/25", TopLevel("CA"))
        .Add("203.0.113.0/24", TopLevel("ZZ"))
        .Add("2001:db8::/32", TopLevel("DE"))
        .Add("2001:db8:1::/48", TopLevel("JP"))
        .WriteTo(PathOf(name));

    /// <summary>An IPv6 database in the nested (GeoLite2) shape.</summary>
    public string NestedShape(string name = "nested.mmdb") => new MmdbWriter(6) { DatabaseType = "GeoLite2-Country" }
        .Add("192.0.2.0/24", Nested("BR", "SA"))
        .Add("100.64.0.0/10", Nested(null, "AS"))
        .Add("198.18.0.0/15", Nested(null, null, registeredCode: "NZ"))
        .Add("2001:db8::/32", Nested("AU", "OC"))
        .WriteTo(PathOf(name));

    /// <summary>An IPv4-only database.</summary>
    public string IPv4Only(string name = "ipv4.mmdb") => new MmdbWriter(4)
        .Add("192.0.2.0/24", TopLevel("IT"))
        .WriteTo(PathOf(name));

    public string PathOf(string name) => Path.Combine(_directory, name);

    public static byte[] Address(string text) => IPAddress.Parse(text).GetAddressBytes();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A database still mapped by a reader waiting to retire; the OS temp cleaner gets it later.
        }
    }
}
