using System.ComponentModel.DataAnnotations;
using Meridian.Api.Http;
using Meridian.Api.OpenApi;
using Meridian.Platform.Transfer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Admin;

/// <summary>The admin API's TSIG keys and per-zone transfer settings (<c>meridian tsig</c> calls the same service).</summary>
internal static class AdminTransferEndpoints
{
    public static void MapAdminTransferEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/tsig-keys", ListKeys).WithName("AdminListTsigKeys").WithSummary("List TSIG keys").Produces<TsigKeyResponse[]>();
        admin.MapPost("/tsig-keys", CreateKey).WithName("AdminCreateTsigKey").WithSummary("Make a TSIG key")
            .WithDescription("The secret (base64) is in this answer only.")
            .DocumentsBody<CreateTsigKeyRequest>().Produces<TsigKeyResponse>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        admin.MapDelete("/tsig-keys/{name}", DeleteKey).WithName("AdminDeleteTsigKey").WithSummary("Delete a TSIG key").Produces<TsigKeyResponse>();
        admin.MapGet("/zones/{zone}/transfer", GetSettings).WithName("AdminGetZoneTransfer").WithSummary("A zone's transfer and NOTIFY settings")
            .Produces<ZoneTransferResponse>();
        admin.MapPut("/zones/{zone}/transfer", SetSettings).WithName("AdminSetZoneTransfer").WithSummary("Set a zone's transfer and NOTIFY settings")
            .WithDescription("Each list replaces the global one (Transfer:Allow, Transfer:AllowTsig, Transfer:Notify) for this zone; null restores the global one.")
            .DocumentsBody<ZoneTransferRequest>().Produces<ZoneTransferResponse>();
    }

    private static async Task<IResult> ListKeys(HttpContext http, TsigKeyService keys) =>
        TypedResults.Ok((await keys.ListAsync(http.RequestAborted)).Select(k => TsigKeyResponse.From(k, null)));

    private static async Task<IResult> CreateKey(HttpContext http, TsigKeyService keys)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateTsigKeyRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        var result = await keys.CreateAsync(body!.Name ?? "", body.Algorithm, body.UpdateZones, body.UpdateNames, body.UpdateTypes, http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Json(TsigKeyResponse.From(result.Value.Key, result.Value.Secret), JsonBody.Options, statusCode: StatusCodes.Status201Created)
            : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> DeleteKey(string name, HttpContext http, TsigKeyService keys)
    {
        var result = await keys.DeleteAsync(name, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(TsigKeyResponse.From(result.Value, null)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> GetSettings(string zone, HttpContext http, ZoneTransferSettingsService settings)
    {
        var result = await settings.GetAsync(zone, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(ZoneTransferResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> SetSettings(string zone, HttpContext http, ZoneTransferSettingsService settings)
    {
        var (body, error) = await JsonBody.ReadAsync<ZoneTransferRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        var result = await settings.SetAsync(zone, body!.Allow, body.AllowTsig, body.Notify, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(ZoneTransferResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }
}

/// <summary>POST /api/admin/tsig-keys.</summary>
public sealed record CreateTsigKeyRequest([property: Required] string? Name, string? Algorithm, List<string>? UpdateZones, List<string>? UpdateNames,
    List<string>? UpdateTypes = null);

/// <summary>A TSIG key; <see cref="Secret"/> only in the answer that makes it.</summary>
public sealed record TsigKeyResponse(string Name, string Algorithm, IReadOnlyList<string> UpdateZones, IReadOnlyList<string> UpdateNames,
    IReadOnlyList<string> UpdateTypes, DateTime CreatedAt,
    string? Secret)
{
    public static TsigKeyResponse From(TsigKeyInfo key, string? secret) =>
        new(key.Name, key.Algorithm, key.UpdateZones, key.UpdateNames, key.UpdateTypes, key.CreatedAt, secret);
}

/// <summary>PUT /api/admin/zones/{zone}/transfer: null (or absent) restores the global list.</summary>
public sealed record ZoneTransferRequest(List<string>? Allow, List<string>? AllowTsig, List<string>? Notify);

/// <summary>A zone's own lists (null: the global one applies) and the effective ones.</summary>
public sealed record ZoneTransferResponse(string Zone, IReadOnlyList<string>? Allow, IReadOnlyList<string>? AllowTsig, IReadOnlyList<string>? Notify,
    IReadOnlyList<string> EffectiveAllow, IReadOnlyList<string> EffectiveAllowTsig, IReadOnlyList<string> EffectiveNotify)
{
    public static ZoneTransferResponse From(ZoneTransferView view) =>
        new(view.Zone, view.Allow, view.AllowTsig, view.Notify, view.EffectiveAllow, view.EffectiveAllowTsig, view.EffectiveNotify);
}
