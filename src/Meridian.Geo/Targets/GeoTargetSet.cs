namespace Meridian.Geo;

/// <summary>A record's parsed targets, resolved once into country bitsets so selection never allocates.
/// Two sets are equal when they hold the same targets, in any order.</summary>
public sealed class GeoTargetSet : IEquatable<GeoTargetSet>
{
    private readonly GeoTarget[] _targets;

    internal GeoTargetSet(GeoTarget[] targets)
    {
        _targets = targets;
        var areas = new List<GeoTarget>();
        foreach (var target in targets)
        {
            if (target.Kind == GeoTargetKind.Country) DirectCountries = DirectCountries.With(target.Country!.Index);
            else areas.Add(target);
            AllCountries = AllCountries.Union(target.Members);
        }
        Areas = [.. areas];
    }

    /// <summary>No targets: the record is answered everywhere (<c>["disabled"]</c>).</summary>
    public static GeoTargetSet Global { get; } = new([]);

    public bool IsGlobal => _targets.Length == 0;

    /// <summary>The targets in the order they were written, duplicates removed.</summary>
    public IReadOnlyList<GeoTarget> Targets => _targets;

    /// <summary>Countries named one by one (step 1 of selection).</summary>
    internal CountrySet DirectCountries { get; }

    /// <summary>Continent and group targets (step 2 of selection).</summary>
    internal GeoTarget[] Areas { get; }

    /// <summary>Every country any target covers (step 4, nearest).</summary>
    internal CountrySet AllCountries { get; }

    /// <summary>True when the record would be answered to a client in this country by any target.</summary>
    public bool Covers(CountryInfo country) => AllCountries.Contains(country.Index);

    /// <summary>The normalized <c>country_codes</c> form of these targets.</summary>
    public IReadOnlyList<string> ToCodes() =>
        IsGlobal ? [GeoTargets.Disabled] : [.. _targets.Select(t => t.ToString())];

    /// <summary>True when both sets hold the same targets, whatever order they were written in.</summary>
    public bool Equals(GeoTargetSet? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._targets.Length != _targets.Length) return false;
        // Targets are shared instances and a set holds each once, so containment both ways is one way.
        foreach (var target in _targets)
            if (Array.IndexOf(other._targets, target) < 0) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as GeoTargetSet);

    public override int GetHashCode()
    {
        // Order-insensitive: the sum of the targets' own hashes.
        int hash = _targets.Length;
        foreach (var target in _targets) hash += target.GetHashCode();
        return hash;
    }

    public override string ToString() => string.Join(' ', ToCodes());
}
