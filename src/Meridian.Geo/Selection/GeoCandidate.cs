namespace Meridian.Geo;

/// <summary>One record that could be answered: the caller's index for it and its parsed targets.</summary>
public readonly record struct GeoCandidate(int Index, GeoTargetSet Targets);
