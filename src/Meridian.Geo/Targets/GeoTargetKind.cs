namespace Meridian.Geo;

/// <summary>What a GeoDNS target names: one country, a continent, or a named group.</summary>
public enum GeoTargetKind : byte
{
    Country,
    Continent,
    Group,
}
