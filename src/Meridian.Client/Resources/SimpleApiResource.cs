using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Meridian.Client.Http;
using Meridian.Client.SimpleApi;

namespace Meridian.Client;

/// <summary>The Simple API (the dns-api drop-in): point a name at a host with one call. It authenticates with a
/// JWT (<c>meridian token create --user NAME</c>) instead of an API key.</summary>
public sealed class SimpleApiResource : ResourceGroup
{
    private readonly string? token;

    internal SimpleApiResource(MeridianTransport transport, string? token) : base(transport) => this.token = token;

    public Task<SimpleResourceEnvelope> WhoAmIAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Get, "whoami"), SimpleApiJsonContext.Default.SimpleResourceEnvelope, options, cancellationToken);

    /// <summary>The domains the token may change.</summary>
    public IAsyncEnumerable<SimpleResource> ListDomainsAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.Single(
            async t => (await Transport.SendAsync(Simple(HttpMethod.Get, "domains"), SimpleApiJsonContext.Default.SimpleResourceListEnvelope, options, t)).Data,
            cancellationToken);

    /// <summary>Every record of the token's user, page after page.</summary>
    public IAsyncEnumerable<SimpleRecordData> ListRecordsAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.All(
            (page, t) => Transport.SendAsync(
                Simple(HttpMethod.Get, "records" + Query(("page[number]", page.ToString(CultureInfo.InvariantCulture)), ("page[size]", Paging.PageSize.ToString(CultureInfo.InvariantCulture)))),
                SimpleApiJsonContext.Default.SimpleRecordListEnvelope, options, t),
            page => page.Data,
            page => page.Data.Count < page.Meta.Pagination.Size,
            cancellationToken);

    public Task<SimpleRecordEnvelope> CreateAsync(SimpleRecordBody request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Post, "records", request, SimpleApiJsonContext.Default.SimpleRecordBody),
            SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    public Task<SimpleRecordEnvelope> GetAsync(long recordId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Get, $"records/{recordId.ToString(CultureInfo.InvariantCulture)}"), SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    /// <summary>Points the record at another host.</summary>
    public Task<SimpleRecordEnvelope> UpdateAsync(long recordId, SimpleRetargetBody request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Patch, $"records/{recordId.ToString(CultureInfo.InvariantCulture)}", request, SimpleApiJsonContext.Default.SimpleRetargetBody),
            SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    public Task<SimpleRecordEnvelope> DeleteAsync(long recordId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Delete, $"records/{recordId.ToString(CultureInfo.InvariantCulture)}"), SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    /// <summary>Creates or repoints <c>{subdomain}.{domain}</c>: <c>POST /records/{type}/{domain}/{subdomain}/{to}</c>,
    /// e.g. <c>UpsertAsync("A", "example.com", "api", "192.0.2.10")</c>.</summary>
    public Task<SimpleRecordEnvelope> UpsertAsync(string domainType, string domain, string subdomain, string to, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Post, $"records/{Segment(domainType)}/{Segment(domain)}/{Segment(subdomain)}/{Segment(to)}"),
            SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    /// <summary>Deletes <c>{subdomain}.{domain}</c> of the type.</summary>
    public Task<SimpleRecordEnvelope> DeleteByNameAsync(string domainType, string domain, string subdomain, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Simple(HttpMethod.Delete, $"records/{Segment(domainType)}/{Segment(domain)}/{Segment(subdomain)}"),
            SimpleApiJsonContext.Default.SimpleRecordEnvelope, options, cancellationToken);

    private ApiRequest Simple(HttpMethod method, string path) =>
        new(method, Transport.Settings.SimpleBaseUrl, path, token
            ?? throw new MeridianConfigurationException(
                "The Simple API needs its token: set MeridianClientOptions.SimpleToken (or MERIDIAN_SIMPLE_TOKEN), or use client.SimpleWithToken(jwt)."));

    private ApiRequest Simple<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> bodyType) =>
        Simple(method, path) with { Body = JsonSerializer.SerializeToUtf8Bytes(body, bodyType) };
}
