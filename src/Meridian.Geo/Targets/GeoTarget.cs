using System.Diagnostics.CodeAnalysis;

namespace Meridian.Geo;

/// <summary>One parsed <c>country_codes</c> entry: a country, a continent or a group. Instances are shared.</summary>
public sealed class GeoTarget
{
    /// <summary>The prefix that makes a two-letter code a country even when it is also a continent code.</summary>
    public const string CountryPrefix = "country:";

    private static readonly GeoTarget[] s_countries = [.. Countries.All.Select(c => new GeoTarget(c))];
    private static readonly GeoTarget[] s_continents = [.. Continents.All.Select(c => new GeoTarget(c))];
    private static readonly GeoTarget[] s_groups = [.. GeoGroups.All.Select(g => new GeoTarget(g))];

    private GeoTarget(CountryInfo country)
    {
        Kind = GeoTargetKind.Country;
        Code = country.Code;
        Members = CountrySet.Empty.With(country.Index);
        Country = country;
    }

    private GeoTarget(Continent continent)
    {
        Kind = GeoTargetKind.Continent;
        Code = Continents.Code(continent);
        Members = Continents.Members(continent);
        Continent = continent;
    }

    private GeoTarget(GeoGroup group)
    {
        Kind = GeoTargetKind.Group;
        Code = group.Name;
        Members = group.Members;
        Group = group;
    }

    public GeoTargetKind Kind { get; }

    /// <summary>Upper-case code without prefix: "US", "EU", "EMEA".</summary>
    public string Code { get; }

    /// <summary>The country, for a country target.</summary>
    public CountryInfo? Country { get; }

    /// <summary>The continent, for a continent target.</summary>
    public Continent Continent { get; }

    /// <summary>The group, for a group target.</summary>
    public GeoGroup? Group { get; }

    internal CountrySet Members { get; }

    /// <summary>How many countries the target covers (1 for a country); "smallest containing group" compares these.</summary>
    public int MemberCount => Members.Count;

    /// <summary>True when the country with this code (either case) is covered by the target.</summary>
    public bool Contains(string countryCode) =>
        Countries.TryGet(countryCode, out var country) && Members.Contains(country.Index);

    public bool Contains(CountryInfo country) => Members.Contains(country.Index);

    /// <summary>Reads one target: <c>US</c>, <c>country:AS</c>, <c>EU</c>, <c>EMEA</c>, in any case, trimmed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GeoTarget? target) =>
        TryParse(text, out target, out _);

    /// <summary>As <see cref="TryParse(string?, out GeoTarget?)"/>, with an error that names the bad code.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out GeoTarget? target, [NotNullWhen(false)] out string? error)
    {
        target = null;
        var trimmed = (text ?? "").AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            error = "country code must not be empty";
            return false;
        }
        if (trimmed.StartsWith(CountryPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var code = trimmed[CountryPrefix.Length..].Trim();
            if (Countries.TryGet(code, out var country))
            {
                target = s_countries[country.Index];
                error = null;
                return true;
            }
            error = $"unknown country code \"{code}\"";
            return false;
        }
        // Bare two-letter codes that are also continent codes mean the continent (DESIGN "GeoDNS semantics").
        if (Continents.TryParse(trimmed, out var continent))
            target = s_continents[(int)continent - 1];
        else if (Countries.TryGet(trimmed, out var country))
            target = s_countries[country.Index];
        else if (GeoGroups.TryGet(trimmed.ToString(), out var group))
            target = s_groups[IndexOfGroup(group)];
        if (target is not null)
        {
            error = null;
            return true;
        }
        error = trimmed.Length == 2
            ? $"unknown country code \"{trimmed}\""
            : $"unknown country, continent or group \"{trimmed}\"";
        return false;
    }

    /// <summary>The canonical text: the code, with <c>country:</c> only where the bare code means a continent.</summary>
    public override string ToString() =>
        Kind == GeoTargetKind.Country && Continents.TryParse(Code, out _) ? CountryPrefix + Code : Code;

    private static int IndexOfGroup(GeoGroup group)
    {
        var groups = GeoGroups.All;
        for (int i = 0; i < groups.Count; i++)
            if (ReferenceEquals(groups[i], group)) return i;
        throw new InvalidOperationException($"group {group.Name} is not in the group table");
    }
}
