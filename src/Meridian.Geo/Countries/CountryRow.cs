namespace Meridian.Geo;

/// <summary>One row of the generated country table, before it is indexed.</summary>
internal readonly record struct CountryRow(string Code, string Name, Continent Continent, double Latitude, double Longitude);
