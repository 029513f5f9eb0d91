namespace Meridian.Geo;

/// <summary>
/// The outcome of <see cref="GeoSelector.Select"/>: how many indexes were written, which rule chose them, and
/// whether another client location could have been answered differently (then ECS SCOPE = source prefix).
/// </summary>
public readonly record struct GeoSelection(int Count, GeoSelectionRule Rule, bool DependsOnLocation);
