namespace Meridian.Api.Simple;

/// <summary>The original service's environment variables, read when <c>SimpleApi:LegacyEnvironment=true</c>, so a
/// deployment moves by changing its start command. Each fills what the "SimpleApi" section leaves unset; lists are
/// comma-separated: <c>SECRET_KEY</c> -> SecretKey; <c>VALID_USERS</c> -> one user each, every one managing every
/// domain of <c>DNSIMPLE_DOMAINS</c> (as in the original); <c>BLACKLISTED_SUBDOMAINS</c> -> Blacklist (added);
/// <c>DNSIMPLE_ACCOUNT_ID</c>, <c>DNSIMPLE_ACCOUNT_TOKEN</c>, <c>DNSIMPLE_DOMAIN_TTL</c> -> DNSimple:Account, Token, Ttl (and the meridian backend's Ttl).</summary>
public static class SimpleApiLegacyEnvironment
{
    public static readonly IReadOnlyList<string> Variables =
        ["SECRET_KEY", "VALID_USERS", "BLACKLISTED_SUBDOMAINS", "DNSIMPLE_DOMAINS", "DNSIMPLE_ACCOUNT_ID", "DNSIMPLE_ACCOUNT_TOKEN", "DNSIMPLE_DOMAIN_TTL"];

    /// <summary>Applies the variables <paramref name="read"/> returns; returns what was wrong with them.</summary>
    public static IReadOnlyList<string> Apply(SimpleApiOptions options, Func<string, string?> read)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(options.SecretKey) && read("SECRET_KEY") is { Length: > 0 } secret) options.SecretKey = secret;
        var domains = List(read("DNSIMPLE_DOMAINS"));
        foreach (string user in List(read("VALID_USERS")))
        {
            if (options.FindUser(user) is { } configured) configured.Domains.AddRange(domains.Except(configured.Domains, StringComparer.OrdinalIgnoreCase));
            else options.Users.Add(new SimpleApiUser { Name = user, Domains = [.. domains] });
        }
        foreach (string label in List(read("BLACKLISTED_SUBDOMAINS")))
        {
            if (!options.Blacklist.Contains(label, StringComparer.OrdinalIgnoreCase)) options.Blacklist.Add(label);
        }
        if (string.IsNullOrEmpty(options.DNSimple.Account) && read("DNSIMPLE_ACCOUNT_ID") is { Length: > 0 } account) options.DNSimple.Account = account;
        if (string.IsNullOrEmpty(options.DNSimple.Token) && read("DNSIMPLE_ACCOUNT_TOKEN") is { Length: > 0 } token) options.DNSimple.Token = token;
        if (read("DNSIMPLE_DOMAIN_TTL") is { Length: > 0 } ttl)
        {
            if (int.TryParse(ttl, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds) && seconds > 0)
            {
                // The original's records had this TTL; the meridian backend's get it too.
                options.DNSimple.Ttl = seconds;
                options.Ttl = seconds;
            }
            else problems.Add($"DNSIMPLE_DOMAIN_TTL '{ttl}' is not a number of seconds");
        }
        return problems;
    }

    private static List<string> List(string? value) =>
        [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
