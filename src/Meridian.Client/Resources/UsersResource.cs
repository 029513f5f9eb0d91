using System.Globalization;
using Meridian.Client.Http;
using Meridian.Client.PartnerApi;

namespace Meridian.Client;

/// <summary>Partner API: your users, their sign-in links and their domains.</summary>
public sealed class UsersResource : ResourceGroup
{
    internal UsersResource(MeridianTransport transport) : base(transport) { }

    /// <summary>Finds or creates the user and makes a one-time <c>login_url</c> into the embedded interface.</summary>
    public Task<UserSessionResponse> CreateSessionAsync(CreateUserRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/v1/users", request, PartnerApiJsonContext.Default.CreateUserRequest),
            PartnerApiJsonContext.Default.UserSessionResponse, options, cancellationToken);

    /// <summary>Adds a domain to the user (by your own user identifier).</summary>
    public Task<PartnerDomain> AddDomainAsync(string userIdentifier, CreateDomainRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, $"api/v1/users/{Segment(userIdentifier)}/domains", request, PartnerApiJsonContext.Default.CreateDomainRequest),
            PartnerApiJsonContext.Default.PartnerDomain, options, cancellationToken);

    /// <summary>Every domain of the user, page after page.</summary>
    public IAsyncEnumerable<PartnerDomain> ListDomainsAsync(string userIdentifier, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.All(
            (page, token) => Transport.SendAsync(
                Api(HttpMethod.Get, $"api/v1/users/{Segment(userIdentifier)}/domains{PageQuery(page)}"),
                PartnerApiJsonContext.Default.UserDomainsResponse, options, token),
            page => page.Domains,
            page => page.Pagination is { } p ? p.Page >= p.TotalPages : page.Domains.Count < Paging.PageSize,
            cancellationToken);

    internal static string PageQuery(int page) =>
        Query(("page", page.ToString(CultureInfo.InvariantCulture)), ("per_page", Paging.PageSize.ToString(CultureInfo.InvariantCulture)));
}
