using System.Diagnostics.CodeAnalysis;
using Meridian.Dns.Names;

namespace Meridian.Platform.Naming;

/// <summary>How a zone name given by a person becomes the stored form: trimmed, IDN to A-labels, lowercase,
/// final dot; host-name labels only; never a public suffix.</summary>
public sealed class ZoneNameRules(PublicSuffixList publicSuffixes)
{
    public PublicSuffixList PublicSuffixes { get; } = publicSuffixes;

    /// <summary>The normalized zone name, or a message saying what is wrong with the input.</summary>
    public bool TryNormalize(string? input, [NotNullWhen(true)] out DnsName? name, [NotNullWhen(false)] out string? error)
    {
        name = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "Domain name is required";
            return false;
        }
        if (!DnsName.TryParseUserInput(input, out var parsed, out string? parseError))
        {
            error = $"'{input.Trim()}' is not a valid domain name: {parseError}";
            return false;
        }
        parsed = parsed.ToLower();
        if (parsed.IsRoot)
        {
            error = "The root zone cannot be hosted";
            return false;
        }
        if (DnsLabels.FindProblem(parsed, allowUnderscore: false, allowWildcard: false) is { } problem)
        {
            error = $"'{input.Trim()}' is not a valid domain name: {problem}";
            return false;
        }
        string text = parsed.ToString();
        if (PublicSuffixes.IsPublicSuffix(text))
        {
            error = $"'{text}' is a public suffix; host a domain registered under it (like example.{text})";
            return false;
        }
        name = parsed;
        error = null;
        return true;
    }
}
