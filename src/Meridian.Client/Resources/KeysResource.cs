using Meridian.Client.AdminApi;
using Meridian.Client.ClientApi;
using Meridian.Client.Http;

namespace Meridian.Client;

/// <summary>API keys: replace your own key (Client API), and with an admin key list, create and revoke the keys
/// of any account (Admin API).</summary>
public sealed class KeysResource : ResourceGroup
{
    internal KeysResource(MeridianTransport transport) : base(transport) { }

    /// <summary>Replaces the calling key: the old one stops working at once, the new one is in the answer only.</summary>
    public Task<RotateKeyResponse> RotateAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/client/rotate-api-key"), ClientApiJsonContext.Default.RotateKeyResponse, options, cancellationToken);

    /// <summary>An account's keys, without their secrets (admin key).</summary>
    public IAsyncEnumerable<KeyResponse> ListAsync(string accountId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.Single(
            token => Transport.SendAsync(Api(HttpMethod.Get, $"api/admin/accounts/{Segment(accountId)}/keys"),
                AdminApiJsonContext.Default.IReadOnlyListKeyResponse, options, token),
            cancellationToken);

    /// <summary>Makes a key for the account (admin key); its secret is in <see cref="KeyResponse.Token"/>, this once.</summary>
    public Task<KeyResponse> CreateAsync(string accountId, CreateKeyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, $"api/admin/accounts/{Segment(accountId)}/keys", request, AdminApiJsonContext.Default.CreateKeyRequest),
            AdminApiJsonContext.Default.KeyResponse, options, cancellationToken);

    /// <summary>Revokes one of the account's keys (admin key).</summary>
    public Task<KeyResponse> RevokeAsync(string accountId, string keyId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/admin/accounts/{Segment(accountId)}/keys/{Segment(keyId)}"),
            AdminApiJsonContext.Default.KeyResponse, options, cancellationToken);
}
