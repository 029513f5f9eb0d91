using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>What a key may do. Every key holds explicit scopes; one issued without any gets its account kind's
/// defaults, and a key stored before scopes were enforced (an empty list) counts as holding those defaults.</summary>
public static class Scopes
{
    /// <summary>Read domains and records.</summary>
    public const string DnsRead = "dns:read";

    /// <summary>Create, change and delete domains and records.</summary>
    public const string DnsWrite = "dns:write";

    /// <summary>Create partner users and their sign-in links.</summary>
    public const string Users = "users";

    /// <summary>The Email DNS API (its name as that API's clients know it).</summary>
    public const string EmailDns = "User.Update";

    /// <summary>The operator's API.</summary>
    public const string Admin = "admin";

    /// <summary>List, issue and revoke the account's own keys through the Partner API (never a default: a key that can
    /// mint keys is given deliberately, and it can grant only the scopes it holds).</summary>
    public const string Keys = "keys";

    public static IReadOnlyList<string> Known { get; } = [DnsRead, DnsWrite, Users, EmailDns, Admin, Keys];

    public static IReadOnlyList<string> DefaultsFor(AccountKind kind) => kind switch
    {
        AccountKind.Partner => [DnsRead, DnsWrite, Users],
        AccountKind.Client => [DnsRead, DnsWrite],
        _ => [Admin],
    };

    /// <summary>The scopes a stored key holds.</summary>
    public static IReadOnlyList<string> Effective(AccountKind kind, IReadOnlyList<string> stored) => stored.Count == 0 ? DefaultsFor(kind) : stored;

    /// <summary>The canonical spelling of a scope name (case-insensitive), or null when unknown.</summary>
    public static string? Canonical(string? scope) =>
        Known.FirstOrDefault(k => string.Equals(k, scope?.Trim(), StringComparison.OrdinalIgnoreCase));
}
