using System.Diagnostics.CodeAnalysis;

namespace Meridian.Platform.Records;

/// <summary>The one place country_codes are validated and normalized for every surface. Null or empty
/// means <c>["disabled"]</c> (answered everywhere).</summary>
public static class GeoTargetRules
{
    public const string Disabled = "disabled";

    public static IReadOnlyList<string> Global { get; } = [Disabled];

    public static bool TryNormalize(IReadOnlyList<string>? codes, [NotNullWhen(true)] out IReadOnlyList<string>? normalized, [NotNullWhen(false)] out string? error)
    {
        // WIRE-UP: Meridian.Geo.GeoTargets.TryNormalize once Meridian.Geo lands on main.
        return InterimTryNormalize(codes, out normalized, out error);
    }

    /// <summary>Until Meridian.Geo lands: shape checks only (2-letter country, "country:XX", a group or continent word).</summary>
    private static bool InterimTryNormalize(IReadOnlyList<string>? codes, [NotNullWhen(true)] out IReadOnlyList<string>? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        if (codes is null || codes.Count == 0)
        {
            normalized = Global;
            error = null;
            return true;
        }
        var result = new List<string>(codes.Count);
        foreach (string raw in codes)
        {
            string code = (raw ?? "").Trim();
            if (string.Equals(code, Disabled, StringComparison.OrdinalIgnoreCase))
            {
                if (codes.Count > 1)
                {
                    error = "'disabled' cannot be combined with other country codes";
                    return false;
                }
                normalized = Global;
                error = null;
                return true;
            }
            string upper = code.ToUpperInvariant();
            bool country = upper.Length == 2 && upper.All(char.IsAsciiLetterUpper);
            bool prefixed = upper.StartsWith("COUNTRY:", StringComparison.Ordinal) && upper.Length == 10 && upper[8..].All(char.IsAsciiLetterUpper);
            bool group = upper.Length is >= 3 and <= 16 && upper.All(char.IsAsciiLetterUpper);
            if (!country && !prefixed && !group)
            {
                error = $"'{code}' is not a country code, continent or group";
                return false;
            }
            string value = prefixed ? "country:" + upper[8..] : upper;
            if (!result.Contains(value, StringComparer.Ordinal)) result.Add(value);
        }
        normalized = result;
        error = null;
        return true;
    }
}
