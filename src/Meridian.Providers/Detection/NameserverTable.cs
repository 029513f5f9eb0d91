using System.Text.Json;
using System.Text.RegularExpressions;

namespace Meridian.Providers.Detection;

/// <summary>Nameserver patterns and the provider each belongs to: the built-in table (<c>nameservers.json</c>), the
/// operator's additions (<c>Providers:Detection:Nameservers</c>) and this server's own nameservers, which mean
/// "meridian". A provider is added by a line of data, not code.</summary>
public sealed class NameserverTable
{
    public const string Meridian = "meridian";

    private readonly List<(Regex Pattern, string Provider)> _rules = [];

    public NameserverTable(IEnumerable<KeyValuePair<string, string>> patterns, IEnumerable<string> ownNameservers)
    {
        // Providers' patterns first: their names are distinctive, and an operator who runs Meridian behind a provider's
        // nameservers still has zones that are written at that provider.
        foreach (var (pattern, provider) in patterns) Add(pattern, provider);
        foreach (string own in ownNameservers) Add(own, Meridian);
    }

    /// <summary>The built-in patterns.</summary>
    public static IReadOnlyDictionary<string, string> BuiltIn()
    {
        using var stream = typeof(NameserverTable).Assembly.GetManifestResourceStream("Meridian.Providers.nameservers.json")
            ?? throw new InvalidOperationException("nameservers.json is not embedded");
        var table = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
        table.Remove("//");
        return table;
    }

    /// <summary>The provider of a nameserver host name, or null when no pattern matches.</summary>
    public string? ProviderOf(string nameserver)
    {
        string name = nameserver.Trim().TrimEnd('.').ToLowerInvariant();
        foreach (var (pattern, provider) in _rules)
        {
            if (pattern.IsMatch(name)) return provider;
        }
        return null;
    }

    private void Add(string pattern, string provider)
    {
        string normalized = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        // '*' stands for one or more whole labels.
        string regex = "^" + string.Join(@"\.", normalized.Split('.').Select(label => label == "*" ? @"[^.]+(?:\.[^.]+)*" : Regex.Escape(label))) + "$";
        _rules.Add((new Regex(regex, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), provider));
    }
}
