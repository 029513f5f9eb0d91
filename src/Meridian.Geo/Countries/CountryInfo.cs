namespace Meridian.Geo;

/// <summary>A country (ISO 3166-1 alpha-2) with its continent and the centroid used for "nearest" answers.</summary>
public sealed class CountryInfo
{
    internal CountryInfo(int index, CountryRow row)
    {
        Index = index;
        Code = row.Code;
        Name = row.Name;
        Continent = row.Continent;
        Latitude = row.Latitude;
        Longitude = row.Longitude;
    }

    /// <summary>Position in <see cref="Countries.All"/>; the bit that stands for this country in target sets.</summary>
    internal int Index { get; }

    /// <summary>Upper-case ISO 3166-1 alpha-2 code, e.g. "FR".</summary>
    public string Code { get; }

    /// <summary>Common English name, e.g. "France".</summary>
    public string Name { get; }

    public Continent Continent { get; }

    /// <summary>Centroid latitude in degrees, -90..90.</summary>
    public double Latitude { get; }

    /// <summary>Centroid longitude in degrees, -180..180.</summary>
    public double Longitude { get; }

    public override string ToString() => Code;
}
