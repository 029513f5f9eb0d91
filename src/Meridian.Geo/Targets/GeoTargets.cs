using System.Diagnostics.CodeAnalysis;

namespace Meridian.Geo;

/// <summary>Validation and normalization of a record's <c>country_codes</c> list.</summary>
public static class GeoTargets
{
    /// <summary>The single entry that means "no GeoDNS: answer everywhere".</summary>
    public const string Disabled = "disabled";

    private static readonly IReadOnlyList<string> s_disabled = [Disabled];

    /// <summary>
    /// Checks and normalizes <c>country_codes</c>: null, [] and ["disabled"] become ["disabled"]; entries are
    /// trimmed and upper-cased (a <c>country:</c> prefix is kept, in lower case); exact duplicates are dropped,
    /// keeping the first. Fails with an error naming the first unknown code, or when "disabled" is mixed with targets.
    /// </summary>
    public static bool TryNormalize(
        IReadOnlyList<string>? codes,
        out IReadOnlyList<string> normalized,
        [NotNullWhen(false)] out string? error)
    {
        normalized = s_disabled;
        if (!TryRead(codes, out var texts, out _, out error)) return false;
        if (texts.Count > 0) normalized = texts;
        return true;
    }

    /// <summary>Parses <c>country_codes</c> (same rules as <see cref="TryNormalize"/>) into a set the selector uses.</summary>
    public static bool TryParse(
        IReadOnlyList<string>? codes,
        [NotNullWhen(true)] out GeoTargetSet? targets,
        [NotNullWhen(false)] out string? error)
    {
        targets = null;
        if (!TryRead(codes, out _, out var parsed, out error)) return false;
        targets = parsed.Count == 0 ? GeoTargetSet.Global : new GeoTargetSet([.. parsed]);
        return true;
    }

    private static bool TryRead(
        IReadOnlyList<string>? codes,
        out List<string> texts,
        out List<GeoTarget> targets,
        [NotNullWhen(false)] out string? error)
    {
        texts = [];
        targets = [];
        error = null;
        if (codes is null || codes.Count == 0) return true;

        bool sawDisabled = false;
        foreach (var code in codes)
        {
            var trimmed = (code ?? "").Trim();
            if (trimmed.Equals(Disabled, StringComparison.OrdinalIgnoreCase))
            {
                sawDisabled = true;
                continue;
            }
            if (!GeoTarget.TryParse(trimmed, out var target, out error)) return false;
            var text = NormalizedText(trimmed);
            if (texts.Contains(text, StringComparer.Ordinal)) continue;
            texts.Add(text);
            // "US" and "country:US" are different texts but one target; the set keeps it once.
            if (!targets.Contains(target)) targets.Add(target);
        }
        if (sawDisabled && texts.Count > 0)
        {
            error = $"\"{Disabled}\" cannot be combined with other country codes";
            return false;
        }
        return true;
    }

    private static string NormalizedText(string trimmed)
    {
        if (trimmed.StartsWith(GeoTarget.CountryPrefix, StringComparison.OrdinalIgnoreCase))
            return GeoTarget.CountryPrefix + trimmed[GeoTarget.CountryPrefix.Length..].Trim().ToUpperInvariant();
        return trimmed.ToUpperInvariant();
    }
}
