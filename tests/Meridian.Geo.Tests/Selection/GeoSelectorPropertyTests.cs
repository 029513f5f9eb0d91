using FsCheck.Xunit;

namespace Meridian.Geo.Tests.Selection;

public class GeoSelectorPropertyTests
{
    private static readonly string[] s_pool =
        ["disabled", "US", "FR", "DE", "JP", "BR", "AU", "ZA", "country:NA", "EU", "AS", "SA", "OC", "AF", "AN",
         "EMEA", "APAC", "LATAM", "DACH", "NORDICS", "GCC", "ANZ"];

    [Property(MaxTest = 300)]
    public bool Candidates_never_yield_an_empty_answer(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(1, 7);
        var candidates = new GeoCandidate[count];
        for (int i = 0; i < count; i++)
        {
            var code = s_pool[random.Next(s_pool.Length)];
            var codes = code == "disabled"
                ? [code]
                : Enumerable.Range(0, random.Next(1, 4)).Select(_ => s_pool[random.Next(1, s_pool.Length)]).ToArray();
            if (!GeoTargets.TryParse(codes, out var targets, out _)) return false;
            candidates[i] = new GeoCandidate(i, targets);
        }
        var location = random.Next(8) == 0
            ? GeoLocation.Unknown
            : new GeoLocation(Geo.Countries.All[random.Next(Geo.Countries.All.Count)]);
        var chosen = new int[count];
        var selection = GeoSelector.Select(location, candidates, chosen);
        var picked = chosen[..selection.Count];
        return selection.Count > 0
            && picked.Distinct().Count() == picked.Length
            && picked.All(index => index >= 0 && index < count)
            && picked.SequenceEqual(picked.Order())
            && selection.DependsOnLocation == candidates.Any(c => !c.Targets.IsGlobal);
    }
}
