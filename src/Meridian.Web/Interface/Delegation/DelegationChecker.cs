using DnsClient;
using DnsClient.Protocol;
using Meridian.Platform.Publishing;
using Microsoft.Extensions.Options;

namespace Meridian.Web.Interface.Delegation;

/// <summary>Looks up a domain's NS records through a resolver (<c>Interface:Resolver</c>, else the system's) and
/// compares them with the platform's nameservers (<c>Zones:Nameservers</c>), so a user can see whether the registrar
/// points the domain at Meridian yet.</summary>
public sealed class DelegationChecker
{
    private readonly LookupClient _client;
    private readonly IReadOnlyList<string> _expected;

    public DelegationChecker(IOptions<InterfaceOptions> options, IOptions<ZoneOptions> zones)
    {
        var settings = options.Value;
        var lookup = settings.ResolverEndpoint is { } endpoint ? new LookupClientOptions(new NameServer(endpoint)) : new LookupClientOptions();
        lookup.UseCache = false;
        lookup.Timeout = settings.ResolverTimeout;
        lookup.Retries = 1;
        lookup.ThrowDnsErrors = false;
        lookup.ContinueOnDnsError = false;
        lookup.UseTcpFallback = true;
        _client = new LookupClient(lookup);
        _expected = [.. zones.Value.Nameservers.Select(Absolute)];
    }

    /// <summary>Meridian's nameservers, absolute ("ns1.example.net.").</summary>
    public IReadOnlyList<string> Expected => _expected;

    public async Task<DelegationStatus> CheckAsync(string zoneName, CancellationToken cancellationToken = default)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(zoneName, QueryType.NS, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException e)
        {
            return new DelegationStatus(DelegationState.Unknown, [], _expected, e.Message);
        }
        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            return new DelegationStatus(DelegationState.Unknown, [], _expected, response.ErrorMessage);
        var found = response.Answers.OfType<NsRecord>().Select(ns => Absolute(ns.NSDName.Value))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        int ours = found.Count(name => _expected.Contains(name, StringComparer.OrdinalIgnoreCase));
        var state = ours == 0 ? DelegationState.NotDelegated
            : ours == _expected.Count && found.Count == ours ? DelegationState.Delegated
            : DelegationState.Partial;
        return new DelegationStatus(state, found, _expected);
    }

    private static string Absolute(string name) => (name.EndsWith('.') ? name : name + ".").ToLowerInvariant();
}
