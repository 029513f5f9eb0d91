using Meridian.Client.ClientApi;
using Meridian.Client.Http;

namespace Meridian.Client;

/// <summary>Client API: a customer's own domains and records (with GeoDNS <c>country_codes</c>), BIND zone-file
/// import and export, and the change history.</summary>
public sealed class ClientApiResource : ResourceGroup
{
    internal ClientApiResource(MeridianTransport transport) : base(transport) { }

    public IAsyncEnumerable<DomainResponse> ListDomainsAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.Single(
            token => Transport.SendAsync(Api(HttpMethod.Get, "api/client/domains"), ClientApiJsonContext.Default.IReadOnlyListDomainResponse, options, token),
            cancellationToken);

    public Task<DomainResponse> CreateDomainAsync(CreateDomainRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/client/domains", request, ClientApiJsonContext.Default.CreateDomainRequest),
            ClientApiJsonContext.Default.DomainResponse, options, cancellationToken);

    public Task<MessageResponse> DeleteDomainAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/client/domains/{Segment(domainId)}"), ClientApiJsonContext.Default.MessageResponse, options, cancellationToken);

    public IAsyncEnumerable<RecordResponse> ListRecordsAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.Single(
            token => Transport.SendAsync(Api(HttpMethod.Get, $"api/client/domains/{Segment(domainId)}/records"),
                ClientApiJsonContext.Default.IReadOnlyListRecordResponse, options, token),
            cancellationToken);

    public Task<RecordResponse> CreateRecordAsync(RecordRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/client/records", request, ClientApiJsonContext.Default.RecordRequest),
            ClientApiJsonContext.Default.RecordResponse, options, cancellationToken);

    public Task<RecordResponse> UpdateRecordAsync(string recordId, RecordRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Put, $"api/client/records/{Segment(recordId)}", request, ClientApiJsonContext.Default.RecordRequest),
            ClientApiJsonContext.Default.RecordResponse, options, cancellationToken);

    public Task<MessageResponse> DeleteRecordAsync(string recordId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/client/records/{Segment(recordId)}"), ClientApiJsonContext.Default.MessageResponse, options, cancellationToken);

    /// <summary>The domain's changes (by id or name), newest first, page after page.</summary>
    public IAsyncEnumerable<JournalEntry> ListChangesAsync(string domain, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.All(
            (page, token) => Transport.SendAsync(
                Api(HttpMethod.Get, $"api/client/domains/{Segment(domain)}/changes{UsersResource.PageQuery(page)}"),
                ClientApiJsonContext.Default.ChangesResponse, options, token),
            page => page.Changes,
            page => page.Pagination.Page >= page.Pagination.TotalPages,
            cancellationToken);

    /// <summary>The domain as a BIND zone file.</summary>
    public Task<string> ExportBindAsync(string domainId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendForTextAsync(Api(HttpMethod.Get, $"api/client/domains/{Segment(domainId)}/export/bind"), options, cancellationToken);

    /// <summary>Creates a domain from a BIND zone file; <see cref="ImportResponse.PartialSuccess"/> tells when some
    /// records were refused (listed in <see cref="ImportResponse.Errors"/>).</summary>
    public Task<ImportResponse> ImportBindAsync(string zoneFile, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/client/import/bind") with { Body = System.Text.Encoding.UTF8.GetBytes(zoneFile), BodyMediaType = "text/plain" },
            ClientApiJsonContext.Default.ImportResponse, options, cancellationToken);

    /// <summary>Replaces the calling key: the old one stops working at once, the new one is in this answer only.</summary>
    public Task<RotateKeyResponse> RotateApiKeyAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/client/rotate-api-key"), ClientApiJsonContext.Default.RotateKeyResponse, options, cancellationToken);
}
