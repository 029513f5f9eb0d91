using Meridian.Client.Http;
using Meridian.Client.PartnerApi;

namespace Meridian.Client;

/// <summary>Partner API: a domain by its id, its deletion, and its change history.</summary>
public sealed class DomainsResource : ResourceGroup
{
    internal DomainsResource(MeridianTransport transport) : base(transport) { }

    public Task<PartnerDomain> GetAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Get, $"api/v1/domains/{Segment(domainId)}"), PartnerApiJsonContext.Default.PartnerDomain, options, cancellationToken);

    /// <summary>Deletes the domain with all its records.</summary>
    public Task DeleteAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/v1/domains/{Segment(domainId)}"), options, cancellationToken);

    /// <summary>The domain's changes, newest first, page after page.</summary>
    public IAsyncEnumerable<JournalEntry> ListChangesAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.All(
            (page, token) => Transport.SendAsync(
                Api(HttpMethod.Get, $"api/v1/domains/{Segment(domainId)}/changes{UsersResource.PageQuery(page)}"),
                PartnerApiJsonContext.Default.ChangesResponse, options, token),
            page => page.Changes,
            page => page.Pagination.Page >= page.Pagination.TotalPages,
            cancellationToken);
}
