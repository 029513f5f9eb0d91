namespace Meridian.Platform.Model;

/// <summary>An account's verified credentials for the DNS provider that hosts one of its domains (Email DNS API
/// <c>dns.authorize</c>), encrypted at rest with ASP.NET Core Data Protection; only the platform can read them back.</summary>
public sealed class ProviderConnection
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public ApiEnvironment Environment { get; set; }

    /// <summary>The domain as the caller named it (lowercase, no final dot).</summary>
    public string Domain { get; set; } = "";

    /// <summary>"cloudflare", "godaddy", "namecheap", "dnsimple" or "meridian".</summary>
    public string Provider { get; set; } = "";

    /// <summary>The protected credentials (Data Protection payload).</summary>
    public string ProtectedCredentials { get; set; } = "";

    public DateTime VerifiedAt { get; set; }
}
