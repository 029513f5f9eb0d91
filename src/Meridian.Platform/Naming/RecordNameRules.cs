using System.Diagnostics.CodeAnalysis;
using Meridian.Dns.Names;

namespace Meridian.Platform.Naming;

/// <summary>How a record name given through an API becomes an owner FQDN inside its zone. "@", "" and the
/// zone's own name mean the apex; a name ending with a dot is absolute; a name ending with the zone's name
/// (without the dot) is taken as absolute too; anything else is relative to the zone.</summary>
public static class RecordNameRules
{
    public static bool TryResolve(string? input, DnsName zone, [NotNullWhen(true)] out DnsName? owner, [NotNullWhen(false)] out string? error)
    {
        owner = null;
        string text = (input ?? "").Trim();
        string zoneText = zone.ToString();
        string zoneBare = zoneText.TrimEnd('.');
        if (text.Length == 0 || text == "@")
        {
            owner = zone;
            error = null;
            return true;
        }
        string absolute;
        if (text.EndsWith('.')) absolute = text;
        else if (string.Equals(text, zoneBare, StringComparison.OrdinalIgnoreCase) ||
                 text.EndsWith("." + zoneBare, StringComparison.OrdinalIgnoreCase)) absolute = text + ".";
        else absolute = text + "." + zoneText;

        if (!DnsName.TryParseUserInput(absolute, out var parsed, out string? parseError))
        {
            error = $"Record name '{text}' is not valid: {parseError}";
            return false;
        }
        parsed = parsed.ToLower();
        if (!parsed.IsSubdomainOf(zone))
        {
            error = $"Record {parsed} does not belong to domain {zoneText}";
            return false;
        }
        if (DnsLabels.FindProblem(parsed, allowUnderscore: true, allowWildcard: true) is { } problem)
        {
            error = $"Record name '{text}' is not valid: {problem}";
            return false;
        }
        owner = parsed;
        error = null;
        return true;
    }
}
