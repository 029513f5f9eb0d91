using Meridian.Client.Http;
using Meridian.Client.PartnerApi;

namespace Meridian.Client;

/// <summary>Partner API: DNS records, one at a time or in an all-or-nothing batch.</summary>
public sealed class RecordsResource : ResourceGroup
{
    internal RecordsResource(MeridianTransport transport) : base(transport) { }

    public Task<PartnerRecord> CreateAsync(CreateRecordRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/v1/dns_records", request, PartnerApiJsonContext.Default.CreateRecordRequest),
            PartnerApiJsonContext.Default.PartnerRecord, options, cancellationToken);

    public Task<PartnerRecord> GetAsync(string recordId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Get, $"api/v1/dns_records/{Segment(recordId)}"), PartnerApiJsonContext.Default.PartnerRecord, options, cancellationToken);

    /// <summary>Changes the fields given; the others keep their values.</summary>
    public Task<PartnerRecord> UpdateAsync(string recordId, UpdateRecordRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Patch, $"api/v1/dns_records/{Segment(recordId)}", request, PartnerApiJsonContext.Default.UpdateRecordRequest),
            PartnerApiJsonContext.Default.PartnerRecord, options, cancellationToken);

    public Task DeleteAsync(string recordId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/v1/dns_records/{Segment(recordId)}"), options, cancellationToken);

    /// <summary>Every record of the domain (optionally only one type and/or name), page after page.</summary>
    public IAsyncEnumerable<PartnerRecord> ListAsync(string domainId, string? type = null, string? name = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.All(
            (page, token) => Transport.SendAsync(
                Api(HttpMethod.Get, $"api/v1/domains/{Segment(domainId)}/dns_records{UsersResource.PageQuery(page)}{Filter(type, name)}"),
                PartnerApiJsonContext.Default.RecordListResponse, options, token),
            page => page.DnsRecords,
            page => page.Pagination.Page >= page.Pagination.TotalPages,
            cancellationToken);

    /// <summary>Deletes, then patches, then creates, in one change of the zone: all of it or none.</summary>
    public Task<BatchResponse> BatchAsync(string domainId, BatchRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, $"api/v1/domains/{Segment(domainId)}/dns_records/batch", request, PartnerApiJsonContext.Default.BatchRequest),
            PartnerApiJsonContext.Default.BatchResponse, options, cancellationToken);

    private static string Filter(string? type, string? name) =>
        Query(("type", type), ("name", name)) is { Length: > 0 } query ? "&" + query[1..] : "";
}
