using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Providers.Adapters;

/// <summary>DNSimple API v2 with an account token. The calls themselves are <see cref="DnsimpleClient"/>'s, so other
/// parts (the Simple API's remote backend) use the same client.</summary>
public sealed class DnsimpleProvider(IServiceProvider services) : IDnsProvider
{
    public const string ProviderName = "dnsimple";

    public string Name => ProviderName;

    public IReadOnlyList<string> RequiredCredentials => [];

    public IProviderConnection Connect(ProviderCredentials credentials) =>
        new DnsimpleConnection(services.GetRequiredService<DnsimpleClient>(), credentials.ApiKey);
}

internal sealed class DnsimpleConnection(DnsimpleClient client, string token) : IProviderConnection
{
    private long? _account;

    public async Task VerifyAsync(string domain, CancellationToken cancellationToken) => await FindZoneAsync(domain, cancellationToken);

    public async Task<ProviderZone> FindZoneAsync(string domain, CancellationToken cancellationToken)
    {
        long account = await AccountAsync(cancellationToken);
        var zones = await client.ListZonesAsync(token, account, cancellationToken);
        foreach (string name in DomainNames.SelfAndParents(domain))
        {
            if (zones.Contains(name)) return new ProviderZone(name, name);
        }
        throw new ProviderException(DnsimpleProvider.ProviderName, $"no zone for {DomainNames.Normalize(domain)} in this DNSimple account");
    }

    public async Task<IReadOnlyList<DnsRecord>> ListRecordsAsync(ProviderZone zone, CancellationToken cancellationToken) =>
        await client.ListRecordsAsync(token, await AccountAsync(cancellationToken), zone.Name, cancellationToken);

    public async Task CreateRecordAsync(ProviderZone zone, DnsRecord record, CancellationToken cancellationToken) =>
        await client.CreateRecordAsync(token, await AccountAsync(cancellationToken), zone.Name, record, cancellationToken);

    public async Task UpdateRecordAsync(ProviderZone zone, DnsRecord existing, DnsRecord replacement, CancellationToken cancellationToken) =>
        await client.UpdateRecordAsync(token, await AccountAsync(cancellationToken), zone.Name, existing.Id!, replacement, cancellationToken);

    public async Task DeleteRecordAsync(ProviderZone zone, DnsRecord existing, CancellationToken cancellationToken) =>
        await client.DeleteRecordAsync(token, await AccountAsync(cancellationToken), zone.Name, existing.Id!, cancellationToken);

    private async Task<long> AccountAsync(CancellationToken cancellationToken) => _account ??= await client.WhoAmIAsync(token, cancellationToken);
}
