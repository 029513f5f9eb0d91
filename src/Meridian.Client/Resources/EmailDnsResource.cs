using Meridian.Client.EmailDnsApi;

namespace Meridian.Client;

/// <summary>Email DNS API: find a domain's DNS provider, keep the user's provider credentials, and publish the SPF,
/// DKIM and DMARC records mail needs.</summary>
public sealed class EmailDnsResource : ResourceGroup
{
    internal EmailDnsResource(Http.MeridianTransport transport) : base(transport) { }

    /// <summary><c>dns.provider</c>: who hosts the domain's DNS (cloudflare, godaddy, namecheap, dnsimple, meridian).</summary>
    public Task<ProviderResponse> ProviderAsync(string domain, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Get, "api/v1/dns.provider" + Query(("Domain", domain))), EmailDnsApiJsonContext.Default.ProviderResponse, options, cancellationToken);

    /// <summary><c>dns.authorize</c>: checks the provider credentials and keeps them for <see cref="SetAsync"/>.</summary>
    public Task<SuccessResponse> AuthorizeAsync(EmailDnsCommandBody request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/v1/dns.authorize", request, EmailDnsApiJsonContext.Default.EmailDnsCommandBody),
            EmailDnsApiJsonContext.Default.SuccessResponse, options, cancellationToken);

    /// <summary><c>dns.set</c>: writes the record type's SPF, DKIM and DMARC records at the provider.</summary>
    public Task<SuccessResponse> SetAsync(EmailDnsCommandBody request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/v1/dns.set", request, EmailDnsApiJsonContext.Default.EmailDnsCommandBody),
            EmailDnsApiJsonContext.Default.SuccessResponse, options, cancellationToken);

    /// <summary>The domain's DKIM keys, private keys included, for the signing mail server.</summary>
    public Task<DkimResponse> DkimAsync(string domain, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Get, "api/v1/dns.dkim" + Query(("Domain", domain))), EmailDnsApiJsonContext.Default.DkimResponse, options, cancellationToken);

    /// <summary>The domain's <c>dns.set</c> runs, newest first.</summary>
    public IAsyncEnumerable<HistoryEntryJson> HistoryAsync(string domain, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Http.Paging.Single(
            async token => (await Transport.SendAsync(Api(HttpMethod.Get, "api/v1/dns.history" + Query(("Domain", domain))),
                EmailDnsApiJsonContext.Default.HistoryResponse, options, token)).History,
            cancellationToken);
}
