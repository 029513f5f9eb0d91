namespace Meridian.Platform.Simple;

/// <summary>A Simple API user as its token and the configuration make it: its name (the journal says
/// <c>simple:NAME</c>), the domains it may manage (lowercase, no final dot) and the subdomains no one may touch.</summary>
public sealed record SimpleCaller(string User, IReadOnlyList<string> Domains, IReadOnlyList<string> Blacklist)
{
    public string Principal => "simple:" + User;

    public bool Manages(string domain) => Domains.Contains(domain, StringComparer.Ordinal);
}
