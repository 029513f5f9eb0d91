using System.Net;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;

namespace Meridian.Providers.Detection;

/// <summary>Tells who hosts a domain's DNS: looks up the NS records of the name, then of each parent up to the
/// registered domain (found with the Public Suffix List), through the configured resolver, and matches the
/// nameservers against the <see cref="NameserverTable"/>.</summary>
public sealed class ProviderDetector
{
    private readonly NameserverTable _table;
    private readonly Func<string, string?> _registrableDomain;
    private readonly LookupClient _lookup;

    /// <param name="registrableDomain">The registered domain of a name ("example.co.uk" for "www.example.co.uk"), null
    /// for a public suffix.</param>
    public ProviderDetector(NameserverTable table, IOptions<ProvidersOptions> options, Func<string, string?> registrableDomain)
    {
        _table = table;
        _registrableDomain = registrableDomain;
        var detection = options.Value.Detection;
        var settings = string.IsNullOrWhiteSpace(detection.Resolver)
            ? new LookupClientOptions()
            : new LookupClientOptions(new NameServer(IPEndPoint.Parse(detection.Resolver)));
        settings.UseCache = false;
        settings.Timeout = detection.Timeout;
        settings.Retries = 1;
        settings.ThrowDnsErrors = false;
        settings.ContinueOnDnsError = false;
        settings.UseTcpFallback = true;
        _lookup = new LookupClient(settings);
    }

    /// <summary>The provider's name ("cloudflare", "meridian", …), or null when the domain has no nameservers we know.</summary>
    public async Task<string?> DetectAsync(string domain, CancellationToken cancellationToken)
    {
        string name = domain.Trim().TrimEnd('.').ToLowerInvariant();
        string? registered = _registrableDomain(name);
        if (registered is null) return null;
        while (true)
        {
            var nameservers = await NameserversAsync(name, cancellationToken);
            if (nameservers.Count > 0)
            {
                foreach (string ns in nameservers)
                {
                    if (_table.ProviderOf(ns) is { } provider) return provider;
                }
                return null;
            }
            if (name == registered || name.Length <= registered.Length) return null;
            name = name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..];
        }
    }

    private async Task<IReadOnlyList<string>> NameserversAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _lookup.QueryAsync(name, QueryType.NS, QueryClass.IN, cancellationToken);
            if (response.HasError) return [];
            // An authoritative server that delegates the name answers with a referral: the NS records are in the authority section.
            return [.. response.Answers.Concat(response.Authorities).OfType<NsRecord>().Where(r => string.Equals(r.DomainName.Value.TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.NSDName.Value)];
        }
        catch (DnsResponseException)
        {
            return [];
        }
    }
}
