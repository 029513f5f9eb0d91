using Meridian.Client.Http;
using Meridian.Client.PartnerApi;

namespace Meridian.Client;

/// <summary>Partner API: your own API keys in the calling key's environment (the key needs the <c>keys</c> scope).
/// Rotation is "issue a new key, move to it, revoke the old one"; <see cref="RotateAsync"/> does the first and last.</summary>
public sealed class KeysResource : ResourceGroup
{
    internal KeysResource(MeridianTransport transport) : base(transport) { }

    /// <summary>The environment's keys, oldest first, revoked ones included; never their secrets.</summary>
    public IAsyncEnumerable<PartnerKey> ListAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.Single(
            async token => (await Transport.SendAsync(Api(HttpMethod.Get, "api/v1/keys"), PartnerApiJsonContext.Default.PartnerKeysResponse, options, token)).Keys,
            cancellationToken);

    /// <summary>Issues a key; its secret is in <see cref="PartnerKey.Token"/> of this answer only.</summary>
    public Task<PartnerKey> CreateAsync(CreatePartnerKeyRequest request, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Post, "api/v1/keys", request, PartnerApiJsonContext.Default.CreatePartnerKeyRequest),
            PartnerApiJsonContext.Default.PartnerKey, options, cancellationToken);

    /// <summary>Revokes a key: requests with it fail from now on.</summary>
    public Task<PartnerKey> RevokeAsync(string keyId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Transport.SendAsync(Api(HttpMethod.Delete, $"api/v1/keys/{Segment(keyId)}"), PartnerApiJsonContext.Default.PartnerKey, options, cancellationToken);

    /// <summary>Issues the replacement of <paramref name="oldKeyId"/> and then revokes it; returns the new key (with
    /// its token). Move your configuration to the new token: this client keeps the key it was made with.</summary>
    public async Task<PartnerKey> RotateAsync(string oldKeyId, CreatePartnerKeyRequest replacement, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var issued = await CreateAsync(replacement, options, cancellationToken);
        await RevokeAsync(oldKeyId, options, cancellationToken);
        return issued;
    }
}
