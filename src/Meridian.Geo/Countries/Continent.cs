namespace Meridian.Geo;

/// <summary>The seven continents GeoDNS targets by their two-letter codes (AF AN AS EU NA OC SA).</summary>
public enum Continent : byte
{
    Unknown = 0,
    Africa,
    Antarctica,
    Asia,
    Europe,
    NorthAmerica,
    Oceania,
    SouthAmerica,
}
