using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Meridian.Api.Auth;
using Meridian.Api.OpenApi;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Meridian.Api.Partner.PartnerApiEndpoints;

namespace Meridian.Api.Partner;

/// <summary>The partner's own API keys (an extension of the spec, whose keys live in the dashboard): list, issue and
/// revoke the keys of the caller's environment, with a key holding the <c>keys</c> scope. Rotation is "issue a new
/// key, move to it, revoke the old one", as the spec's key management advises.</summary>
public static class PartnerKeyEndpoints
{
    public static void MapPartnerKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = Policies.Scope(Scopes.Keys);
        api.MapGet("/keys", ListKeys).WithName("PartnerListKeys").RequireAuthorization(keys).WithSummary("List your API keys")
            .WithDescription("The keys of the environment the calling key belongs to, oldest first, revoked ones included; never their secrets.");
        api.MapPost("/keys", CreateKey).WithName("PartnerCreateKey").RequireAuthorization(keys).WithSummary("Issue an API key")
            .WithDescription("The token is in this answer only. The new key belongs to the caller's environment and holds the scopes asked for " +
                             "(by default the caller's own); a scope the calling key lacks is 403.")
            .Produces(StatusCodes.Status403Forbidden).Produces(StatusCodes.Status409Conflict);
        api.MapDelete("/keys/{key_id}", RevokeKey).WithName("PartnerRevokeKey").RequireAuthorization(keys).WithSummary("Revoke an API key")
            .WithDescription("Requests with the key fail at once on this node, and within seconds on the others.");
    }

    private static async Task<Ok<PartnerKeysResponse>> ListKeys(HttpContext http, ApiKeyService keys) =>
        TypedResults.Ok(new PartnerKeysResponse([.. (await keys.ListOwnAsync(http.Actor(), http.RequestAborted)).Select(PartnerKey.From)]));

    private static async Task<Results<Created<PartnerKey>, JsonHttpResult<PartnerErrorBody>>> CreateKey(
        [FromBody] CreatePartnerKeyRequest body, HttpContext http, ApiKeyService keys)
    {
        var held = http.User.FindAll(MeridianClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var issued = await keys.IssueOwnAsync(http.Actor(), held, body.Name, body.Scopes, http.RequestAborted);
        if (!issued.Succeeded) return Refusal(issued.Error);
        return TypedResults.Created((string?)null, PartnerKey.From(issued.Value.Key) with { Token = issued.Value.Token });
    }

    private static async Task<Results<Ok<PartnerKey>, JsonHttpResult<PartnerErrorBody>>> RevokeKey(
        [FromRoute(Name = "key_id")] string keyId, HttpContext http, ApiKeyService keys)
    {
        if (!Guid.TryParse(keyId, out var id)) return Refusal(ServiceError.NotFound("API key not found"));
        var revoked = await keys.RevokeOwnAsync(http.Actor(), id, http.RequestAborted);
        return revoked.Succeeded ? TypedResults.Ok(PartnerKey.From(revoked.Value)) : Refusal(revoked.Error);
    }
}

/// <summary>POST /api/v1/keys.</summary>
public sealed record CreatePartnerKeyRequest(
    [property: Required, Description("What the key is for (\"billing sync\"), unique among your live keys; at most 200 characters.")] string? Name,
    [property: Description("dns:read, dns:write, users, keys: by default those of the calling key, and none it lacks.")] List<string>? Scopes);

/// <summary>An API key without its secret; <see cref="Token"/> only in the answer that issues it.</summary>
public sealed record PartnerKey(
    string Id,
    string Name,
    [property: Description("production or sandbox, as the token's prefix says (mk_live_ / mk_test_).")] string Environment,
    [property: Description("The start of the token, to recognise it by.")] string Prefix,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    [property: OptionalInDocument] DateTime? LastUsedAt,
    [property: OptionalInDocument] DateTime? RevokedAt,
    [property: OptionalInDocument, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull),
               Description("The whole token, in the answer that issues the key and never again.")] string? Token)
{
    public static PartnerKey From(ApiKey key) => new(key.Id.ToString(), key.Name, key.Environment.ToString().ToLowerInvariant(), key.Prefix,
        key.Scopes, key.CreatedAt, key.LastUsedAt, key.RevokedAt, null);
}

/// <summary>GET /api/v1/keys.</summary>
public sealed record PartnerKeysResponse(IReadOnlyList<PartnerKey> Keys);
