namespace Meridian.Providers;

/// <summary>One DNS provider the Email DNS API can write to: its name as the API spells it ("cloudflare"), which
/// credentials it needs, and a connection made from them.</summary>
public interface IDnsProvider
{
    string Name { get; }

    /// <summary>The credential parameters this provider needs besides the key ("ApiSecret", "ApiUser", "Username").</summary>
    IReadOnlyList<string> RequiredCredentials { get; }

    IProviderConnection Connect(ProviderCredentials credentials);
}

/// <summary>Records at a provider, acting with one customer's credentials. Every failure is a
/// <see cref="ProviderException"/> carrying the provider's reason.</summary>
public interface IProviderConnection
{
    /// <summary>Checks with the provider that the credentials work for <paramref name="domain"/> (a real call).</summary>
    Task VerifyAsync(string domain, CancellationToken cancellationToken);

    /// <summary>The zone that holds <paramref name="domain"/> (its own, or the closest enclosing one).</summary>
    Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken);

    /// <summary>Every record of the zone, all pages read.</summary>
    Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken);

    Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="existing"/> (as listed) by <paramref name="replacement"/>.</summary>
    Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken);

    Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken);
}
