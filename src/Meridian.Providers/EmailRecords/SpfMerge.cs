namespace Meridian.Providers.EmailRecords;

/// <summary>Puts our <c>include:</c> into a domain's SPF policy without breaking it: a domain has one SPF record
/// (two make every check fail with permerror), so an existing <c>v=spf1</c> record gets the include inserted before
/// its <c>all</c> term (or before its modifiers when it has none), and is refused when the result would need more
/// than 10 DNS lookups (RFC 7208 §4.6.4).</summary>
public static class SpfMerge
{
    public const int MaxLookups = 10;

    public static bool IsSpf(string txt) =>
        txt.Equals("v=spf1", StringComparison.OrdinalIgnoreCase) || txt.StartsWith("v=spf1 ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The new policy when there is none: our include and a soft fail for everyone else.</summary>
    public static string Fresh(string include) => $"v=spf1 include:{include} ~all";

    /// <summary>The merged policy, the same text when ours is already there, or null with the reason it cannot be merged.</summary>
    public static string? Merge(string existing, string include, out string? refusal)
    {
        refusal = null;
        var terms = existing.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (terms.Skip(1).Any(t => Mechanism(t).Equals("include:" + include, StringComparison.OrdinalIgnoreCase))) return existing;
        int at = terms.FindIndex(1, t => Mechanism(t).Equals("all", StringComparison.OrdinalIgnoreCase));
        if (at < 0) at = terms.FindIndex(1, t => t.Contains('=', StringComparison.Ordinal));
        if (at < 0) at = terms.Count;
        terms.Insert(at, "include:" + include);
        int lookups = terms.Skip(1).Count(CostsLookup);
        if (lookups > MaxLookups)
        {
            refusal = $"Adding include:{include} to the SPF record would need {lookups} DNS lookups; SPF allows at most {MaxLookups}. " +
                      "Remove an include (or flatten the record) and try again.";
            return null;
        }
        return string.Join(' ', terms);
    }

    /// <summary>The DNS lookups a term costs itself (RFC 7208 §4.6.4): include, a, mx, ptr, exists, redirect.</summary>
    public static bool CostsLookup(string term)
    {
        string mechanism = Mechanism(term).ToLowerInvariant();
        string name = mechanism.Split(':', '/', '=')[0];
        return name is "include" or "a" or "mx" or "ptr" or "exists" or "redirect";
    }

    // A mechanism without its qualifier (+ - ~ ?).
    private static string Mechanism(string term) => term.Length > 0 && term[0] is '+' or '-' or '~' or '?' ? term[1..] : term;
}
