namespace Meridian.Geo;

/// <summary>A named group of countries that records can target (e.g. EMEA, DACH); see docs/geodns.md.</summary>
public sealed class GeoGroup
{
    internal GeoGroup(string name, string description, CountrySet members)
    {
        Name = name;
        Description = description;
        Members = members;
    }

    /// <summary>Upper-case name, e.g. "EMEA"; never two letters, so it cannot be read as a country or continent.</summary>
    public string Name { get; }

    public string Description { get; }

    internal CountrySet Members { get; }

    public int CountryCount => Members.Count;

    /// <summary>Member countries, sorted by code.</summary>
    public IReadOnlyList<CountryInfo> Countries
    {
        get
        {
            var list = new List<CountryInfo>(Members.Count);
            for (int i = Members.NextIndex(0); i >= 0; i = Members.NextIndex(i + 1)) list.Add(Geo.Countries.ByIndex(i));
            return list;
        }
    }

    public bool Contains(CountryInfo country) => Members.Contains(country.Index);

    public override string ToString() => Name;
}
