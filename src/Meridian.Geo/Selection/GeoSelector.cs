namespace Meridian.Geo;

/// <summary>
/// Picks which records answer a client, in the order DESIGN.md gives: the client's country; else the smallest
/// group or continent containing it; else global records; else the nearest targets. Never picks nothing when
/// there are candidates, and never allocates.
/// </summary>
public static class GeoSelector
{
    /// <summary>
    /// Writes the <see cref="GeoCandidate.Index"/> of each chosen candidate, in input order, to
    /// <paramref name="chosen"/> (which must be at least as long as <paramref name="candidates"/>).
    /// </summary>
    /// <remarks>
    /// Ties in step 2: when different groups or continents of the same smallest size contain the country, every
    /// candidate targeting any of them is chosen. Ties in step 4: every candidate at the same nearest distance.
    /// A location that knows only the continent matches continent targets, then falls back like an unknown one.
    /// </remarks>
    public static GeoSelection Select(GeoLocation location, ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        if (chosen.Length < candidates.Length)
            throw new ArgumentException("the output span must hold one index per candidate", nameof(chosen));
        if (candidates.IsEmpty) return new GeoSelection(0, GeoSelectionRule.None, false);

        bool anyTargeted = false;
        foreach (var candidate in candidates) anyTargeted |= !candidate.Targets.IsGlobal;
        if (!anyTargeted) return new GeoSelection(CopyAll(candidates, chosen), GeoSelectionRule.Global, false);

        int count;
        GeoSelectionRule rule;
        if (location.Country is { } country)
        {
            int client = country.Index;
            if ((count = ByCountry(client, candidates, chosen)) > 0) rule = GeoSelectionRule.Country;
            else if ((count = BySmallestArea(client, candidates, chosen)) > 0) rule = GeoSelectionRule.SmallestArea;
            else if ((count = Globals(candidates, chosen)) > 0) rule = GeoSelectionRule.Global;
            else (count, rule) = (ByNearest(client, candidates, chosen), GeoSelectionRule.Nearest);
        }
        else if ((count = ByContinent(location.Continent, candidates, chosen)) > 0) rule = GeoSelectionRule.SmallestArea;
        else if ((count = Globals(candidates, chosen)) > 0) rule = GeoSelectionRule.Global;
        else (count, rule) = (CopyAll(candidates, chosen), GeoSelectionRule.All);
        return new GeoSelection(count, rule, true);
    }

    private static int ByCountry(int client, ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        int count = 0;
        foreach (var candidate in candidates)
            if (candidate.Targets.DirectCountries.Contains(client)) chosen[count++] = candidate.Index;
        return count;
    }

    private static int BySmallestArea(int client, ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        int smallest = int.MaxValue;
        foreach (var candidate in candidates)
            smallest = Math.Min(smallest, SmallestAreaContaining(client, candidate.Targets));
        if (smallest == int.MaxValue) return 0;
        int count = 0;
        foreach (var candidate in candidates)
            if (SmallestAreaContaining(client, candidate.Targets) == smallest) chosen[count++] = candidate.Index;
        return count;
    }

    private static int SmallestAreaContaining(int client, GeoTargetSet targets)
    {
        int smallest = int.MaxValue;
        foreach (var area in targets.Areas)
            if (area.Members.Contains(client)) smallest = Math.Min(smallest, area.MemberCount);
        return smallest;
    }

    private static int ByContinent(Continent continent, ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        if (continent == Continent.Unknown) return 0;
        int count = 0;
        foreach (var candidate in candidates)
        {
            foreach (var area in candidate.Targets.Areas)
            {
                if (area.Kind == GeoTargetKind.Continent && area.Continent == continent)
                {
                    chosen[count++] = candidate.Index;
                    break;
                }
            }
        }
        return count;
    }

    private static int Globals(ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        int count = 0;
        foreach (var candidate in candidates)
            if (candidate.Targets.IsGlobal) chosen[count++] = candidate.Index;
        return count;
    }

    private static int ByNearest(int client, ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        float nearest = float.PositiveInfinity;
        foreach (var candidate in candidates)
            nearest = Math.Min(nearest, CountryDistances.ToNearest(client, candidate.Targets.AllCountries));
        int count = 0;
        foreach (var candidate in candidates)
            if (CountryDistances.ToNearest(client, candidate.Targets.AllCountries) == nearest) chosen[count++] = candidate.Index;
        return count;
    }

    private static int CopyAll(ReadOnlySpan<GeoCandidate> candidates, Span<int> chosen)
    {
        for (int i = 0; i < candidates.Length; i++) chosen[i] = candidates[i].Index;
        return candidates.Length;
    }
}
