using Meridian.Api.Http;
using Meridian.Api.OpenApi;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Admin;

/// <summary>The admin API's part of a partner's web-interface settings: the origins allowed to frame it.</summary>
internal static class AdminInterfaceSettingsEndpoints
{
    public static RouteGroupBuilder MapAdminInterfaceSettings(this RouteGroupBuilder admin)
    {
        admin.MapGet("/accounts/{id}/frame-origins", GetFrameOrigins).WithName("AdminGetFrameOrigins")
            .WithSummary("The origins allowed to embed a partner's web interface").Produces<FrameOriginsResponse>();
        admin.MapPut("/accounts/{id}/frame-origins", SetFrameOrigins).WithName("AdminSetFrameOrigins")
            .WithSummary("Replace the origins allowed to embed a partner's web interface (empty: not frameable)")
            .DocumentsBody<FrameOriginsRequest>().Produces<FrameOriginsResponse>();
        return admin;
    }

    private static async Task<IResult> GetFrameOrigins(string id, HttpContext http, AccountService accounts, InterfaceSettingsService settings)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var account = await accounts.GetAsync(accountId, http.RequestAborted);
        if (!account.Succeeded) return ApiErrors.From(account.Error);
        return TypedResults.Ok(FrameOriginsResponse.From(await settings.GetAsync(accountId, http.RequestAborted)));
    }

    private static async Task<IResult> SetFrameOrigins(string id, HttpContext http, InterfaceSettingsService settings)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var (body, error) = await JsonBody.ReadAsync<FrameOriginsRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        var result = await settings.SetFrameOriginsAsync(accountId, body!.FrameOrigins ?? [], http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(FrameOriginsResponse.From(result.Value!)) : ApiErrors.From(result.Error);
    }
}

/// <summary>PUT /api/admin/accounts/{id}/frame-origins.</summary>
public sealed record FrameOriginsRequest(List<string>? FrameOrigins);

/// <summary>A partner's allowed frame origins, normalized ("https://app.example.com").</summary>
public sealed record FrameOriginsResponse(IReadOnlyList<string> FrameOrigins)
{
    public static FrameOriginsResponse From(InterfaceSettings settings) => new(settings.FrameOrigins);
}
