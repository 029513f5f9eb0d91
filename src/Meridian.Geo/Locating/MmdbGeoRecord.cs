using MaxMind.Db;

namespace Meridian.Geo;

/// <summary>
/// The parts of a MaxMind-format record GeoDNS reads. Two shapes exist: ip-location-db's country databases put
/// the code at the top (<c>country_code</c>); GeoLite2, GeoIP2 and DB-IP nest it (<c>country.iso_code</c>,
/// <c>continent.code</c>). Keys not named here are skipped by the reader.
/// </summary>
internal sealed class MmdbGeoRecord
{
    [MapKey("country_code")]
    public string? CountryCode { get; init; }

    [MapKey("country")]
    public MmdbIsoCode? Country { get; init; }

    /// <summary>Where the network is registered; GeoLite2 gives only this for some ranges.</summary>
    [MapKey("registered_country")]
    public MmdbIsoCode? RegisteredCountry { get; init; }

    [MapKey("continent")]
    public MmdbContinentCode? Continent { get; init; }

    [MapKey("continent_code")]
    public string? ContinentCode { get; init; }
}

/// <summary>A nested <c>{"iso_code": "FR"}</c> map.</summary>
internal sealed class MmdbIsoCode
{
    [MapKey("iso_code")]
    public string? IsoCode { get; init; }
}

/// <summary>A nested <c>{"code": "EU"}</c> map.</summary>
internal sealed class MmdbContinentCode
{
    [MapKey("code")]
    public string? Code { get; init; }
}
