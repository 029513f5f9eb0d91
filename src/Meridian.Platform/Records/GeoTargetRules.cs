using System.Diagnostics.CodeAnalysis;
using Meridian.Geo;

namespace Meridian.Platform.Records;

/// <summary>The one place country_codes are validated and normalized for every surface: countries,
/// continents, groups (<see cref="GeoTargets"/>). Null or empty means <c>["disabled"]</c> (answered everywhere).</summary>
public static class GeoTargetRules
{
    public const string Disabled = GeoTargets.Disabled;

    public static IReadOnlyList<string> Global { get; } = [Disabled];

    public static bool TryNormalize(IReadOnlyList<string>? codes, [NotNullWhen(true)] out IReadOnlyList<string>? normalized, [NotNullWhen(false)] out string? error)
    {
        if (GeoTargets.TryNormalize(codes, out var result, out error))
        {
            normalized = result;
            return true;
        }
        normalized = null;
        // Name the code that is wrong, as the other field errors do ('ZZ', not the whole list).
        foreach (string code in codes ?? [])
        {
            if (!GeoTargets.TryNormalize([code], out _, out string? single))
            {
                error = $"Invalid country code '{(code ?? "").Trim()}': {single}";
                break;
            }
        }
        return false;
    }
}
