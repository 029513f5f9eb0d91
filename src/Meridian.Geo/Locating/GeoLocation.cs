namespace Meridian.Geo;

/// <summary>Where a client is: a country (with its continent), only a continent, or unknown.</summary>
public readonly struct GeoLocation : IEquatable<GeoLocation>
{
    public GeoLocation(CountryInfo country)
    {
        Country = country;
        Continent = country.Continent;
    }

    private GeoLocation(Continent continent) => Continent = continent;

    /// <summary>Nothing is known: no database, or the address is not in it.</summary>
    public static GeoLocation Unknown => default;

    /// <summary>A database that names a continent but no country (rare: some anycast or satellite ranges).</summary>
    public static GeoLocation ContinentOnly(Continent continent) => new(continent);

    /// <summary>The country, when known.</summary>
    public CountryInfo? Country { get; }

    public string? CountryCode => Country?.Code;

    /// <summary>The continent as Meridian's country table places the country (not the database's opinion).</summary>
    public Continent Continent { get; }

    public bool IsUnknown => Country is null && Continent == Continent.Unknown;

    public bool Equals(GeoLocation other) => ReferenceEquals(Country, other.Country) && Continent == other.Continent;

    public override bool Equals(object? obj) => obj is GeoLocation other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Country?.Index ?? -1, Continent);

    public static bool operator ==(GeoLocation left, GeoLocation right) => left.Equals(right);

    public static bool operator !=(GeoLocation left, GeoLocation right) => !left.Equals(right);

    public override string ToString() =>
        Country?.Code ?? (Continent == Continent.Unknown ? "unknown" : "continent " + Continents.Code(Continent));
}
