using System.Net;
using System.Net.Sockets;
using Meridian.Platform.Services;

namespace Meridian.Platform.Simple;

/// <summary>What the Simple API accepts, whatever the backend: <c>domain_type</c> A or CNAME (any case), a domain the
/// caller manages, a subdomain of one label of letters and digits with hyphens inside (the original allowed letters
/// and digits only; hyphens are this API's documented extension), never the apex or a blacklisted name, and a target
/// that is an IPv4 address for A and a host name for CNAME. The first problem found is the refusal, with the original
/// service's title where it had one.</summary>
public static class SimpleRecordRules
{
    public const string InvalidDomain = "Invalid domain specified.";
    public const string Blacklisted = "Specified subdomain is blacklisted.";
    public const string InvalidType = "domain_type must be one of A or CNAME.";

    public static bool TryCheck(SimpleCaller caller, SimpleRecordRequest request, out SimpleRecordKey key, out string to, out ServiceError? error)
    {
        to = "";
        if (!TryCheckKey(caller, request.DomainType, request.Domain, request.Subdomain, out key, out error)) return false;
        return TryCheckTarget(key.DomainType, request.To, out to, out error);
    }

    /// <summary>Type, domain and subdomain (a delete by path names no target).</summary>
    public static bool TryCheckKey(SimpleCaller caller, string? domainType, string? domain, string? subdomain, out SimpleRecordKey key, out ServiceError? error)
    {
        key = null!;
        error = null;
        string? type = NormalizeType(domainType);
        if (type is null)
        {
            error = ServiceError.Validation(InvalidType, "domain_type", "invalid_domain_type");
            return false;
        }
        string? zone = NormalizeDomain(domain);
        if (zone is null || !caller.Manages(zone))
        {
            error = ServiceError.Validation(InvalidDomain, "domain", "invalid_domain");
            return false;
        }
        string label = (subdomain ?? "").Trim().ToLowerInvariant();
        if (label.Length == 0 || label == "@")
        {
            error = ServiceError.Validation("The domain itself (its apex) cannot be managed through this API; give a subdomain.", "subdomain", "apex");
            return false;
        }
        if (!IsSubdomainLabel(label))
        {
            error = ServiceError.Validation(
                "Invalid subdomain specified: one label of letters, digits and hyphens (not first or last), at most 63 characters.",
                "subdomain", "invalid_subdomain");
            return false;
        }
        if (caller.Blacklist.Contains(label, StringComparer.Ordinal))
        {
            error = ServiceError.Validation(Blacklisted, "subdomain", "blacklisted");
            return false;
        }
        key = new SimpleRecordKey(type, zone, label);
        return true;
    }

    /// <summary>The target of a record of <paramref name="domainType"/> (A or CNAME), normalized.</summary>
    public static bool TryCheckTarget(string domainType, string? to, out string normalized, out ServiceError? error)
    {
        normalized = (to ?? "").Trim();
        error = null;
        if (normalized.Length == 0)
        {
            error = ServiceError.Validation("to is required: the IPv4 address (A) or host name (CNAME) the record points at.", "to", "required");
            return false;
        }
        if (domainType == "A")
        {
            if (IsIPv4(normalized)) return true;
            error = ServiceError.Validation($"to must be an IPv4 address for an A record (got '{Shorten(normalized)}').", "to", "invalid_ipv4");
            return false;
        }
        normalized = normalized.ToLowerInvariant().TrimEnd('.');
        if (IsHostName(normalized)) return true;
        error = ServiceError.Validation($"to must be a host name for a CNAME record, such as api.example.org (got '{Shorten(to!.Trim())}').", "to", "invalid_host_name");
        return false;
    }

    public static string? NormalizeType(string? domainType) => (domainType ?? "").Trim().ToUpperInvariant() switch
    {
        "A" => "A",
        "CNAME" => "CNAME",
        _ => null,
    };

    /// <summary>Lowercase without the final dot; null when it cannot be a domain name at all.</summary>
    public static string? NormalizeDomain(string? domain)
    {
        string name = (domain ?? "").Trim().ToLowerInvariant().TrimEnd('.');
        return IsHostName(name) ? name : null;
    }

    public static bool IsSubdomainLabel(string label)
    {
        if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
        foreach (char c in label)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        }
        return true;
    }

    /// <summary>Four decimal octets, nothing else (IPAddress.Parse alone would take "1" or "0x7f.1").</summary>
    public static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4) return false;
        foreach (string part in parts)
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')) return false;
        }
        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork;
    }

    /// <summary>A fully qualified host name: two or more labels of letters, digits, hyphens (not first or last) and
    /// underscores, at most 253 characters.</summary>
    public static bool IsHostName(string name)
    {
        if (name.Length is 0 or > 253 || !name.Contains('.', StringComparison.Ordinal)) return false;
        foreach (string label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')) return false;
            }
        }
        return true;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
