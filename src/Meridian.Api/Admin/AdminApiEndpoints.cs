using Meridian.Api.Auth;
using Meridian.Api.Http;
using Meridian.Api.OpenApi;
using Meridian.Api.Surfaces;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Admin;

/// <summary>The operator's API (<c>/api/admin</c>, admin keys only): accounts, their domain limits and keys.
/// The CLI's `accounts` and `keys` commands call the same services.</summary>
public static class AdminApiEndpoints
{
    public static IEndpointRouteBuilder MapAdminApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapSurface(SingleErrorSurface.Admin).RequireAuthorization(Policies.Admin).WithTags("Admin API");
        // Bodies are read by hand (JsonBody) and answers are IResult, so DocumentsBody/Produces tell the OpenAPI document the shapes.
        admin.MapGet("/accounts", ListAccounts).WithName("AdminListAccounts").WithSummary("List accounts").Produces<AccountResponse[]>();
        admin.MapPost("/accounts", CreateAccount).WithName("AdminCreateAccount").WithSummary("Create an account")
            .DocumentsBody<CreateAccountRequest>().Produces<AccountResponse>(StatusCodes.Status201Created);
        admin.MapGet("/accounts/{id}", GetAccount).WithName("AdminGetAccount").WithSummary("Get an account").Produces<AccountResponse>();
        admin.MapPatch("/accounts/{id}", UpdateAccount).WithName("AdminUpdateAccount").WithSummary("Change an account's domain limit")
            .DocumentsBody<UpdateAccountRequest>().Produces<AccountResponse>();
        admin.MapPost("/accounts/{id}/suspend", (string id, HttpContext http, AccountService accounts) => SetSuspended(id, true, http, accounts))
            .WithName("AdminSuspendAccount").WithSummary("Suspend an account")
            .WithDescription("Its keys get 403 on every surface; nothing is deleted or unpublished.").Produces<AccountResponse>();
        admin.MapPost("/accounts/{id}/resume", (string id, HttpContext http, AccountService accounts) => SetSuspended(id, false, http, accounts))
            .WithName("AdminResumeAccount").WithSummary("Resume a suspended account").Produces<AccountResponse>();
        admin.MapGet("/accounts/{id}/keys", ListKeys).WithName("AdminListKeys").WithSummary("List an account's API keys").Produces<KeyResponse[]>();
        admin.MapPost("/accounts/{id}/keys", CreateKey).WithName("AdminCreateKey").WithSummary("Issue an API key")
            .WithDescription("The token is in this answer only.")
            .DocumentsBody<CreateKeyRequest>().Produces<KeyResponse>(StatusCodes.Status201Created).Produces(StatusCodes.Status409Conflict);
        admin.MapDelete("/accounts/{id}/keys/{keyId}", RevokeKey).WithName("AdminRevokeKey").WithSummary("Revoke an API key").Produces<KeyResponse>();
        admin.MapAdminTransferEndpoints();
        admin.MapAdminInterfaceSettings();
        return routes;
    }

    private static async Task<IResult> ListAccounts(HttpContext http, AccountService accounts) =>
        TypedResults.Ok((await accounts.ListAsync(http.RequestAborted)).Select(AccountResponse.From));

    private static async Task<IResult> CreateAccount(HttpContext http, AccountService accounts)
    {
        var (body, error) = await JsonBody.ReadAsync<CreateAccountRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        if (!TryParseKind(body!.Kind, out var kind)) return ApiErrors.BadRequest("kind must be one of: client, partner, admin");
        if (body.DomainLimit is < 0) return ApiErrors.BadRequest("domain_limit must be 0 or more (or null for no limit)");
        var result = await accounts.CreateAsync(kind, body.Name ?? "", body.Email, body.DomainLimit, http.RequestAborted);
        return result.Succeeded ? TypedResults.Json(AccountResponse.From(result.Value), statusCode: StatusCodes.Status201Created) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> GetAccount(string id, HttpContext http, AccountService accounts)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var result = await accounts.GetAsync(accountId, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> UpdateAccount(string id, HttpContext http, AccountService accounts)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var (body, error) = await JsonBody.ReadAsync<UpdateAccountRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        if (body!.DomainLimit is < 0) return ApiErrors.BadRequest("domain_limit must be 0 or more (or null for no limit)");
        var result = await accounts.SetDomainLimitAsync(accountId, body.DomainLimit, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> SetSuspended(string id, bool suspended, HttpContext http, AccountService accounts)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var result = await accounts.SetSuspendedAsync(accountId, suspended, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(AccountResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> ListKeys(string id, HttpContext http, AccountService accounts, ApiKeyService keys)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var account = await accounts.GetAsync(accountId, http.RequestAborted);
        if (!account.Succeeded) return ApiErrors.From(account.Error);
        return TypedResults.Ok((await keys.ListAsync(accountId, http.RequestAborted)).Select(k => KeyResponse.From(k)));
    }

    private static async Task<IResult> CreateKey(string id, HttpContext http, ApiKeyService keys)
    {
        if (!RouteIds.TryParse(id, out var accountId)) return ApiErrors.BadRequest("Invalid account ID");
        var (body, error) = await JsonBody.ReadAsync<CreateKeyRequest>(http.Request, http.RequestAborted);
        if (error is not null) return error;
        if (!TryParseEnvironment(body!.Environment, out var environment)) return ApiErrors.BadRequest("environment must be production or sandbox");
        var result = await keys.IssueAsync(accountId, body.Name ?? "", environment, body.Scopes, http.RequestAborted);
        return result.Succeeded
            ? TypedResults.Json(KeyResponse.From(result.Value.Key, result.Value.Token), JsonBody.Options, statusCode: StatusCodes.Status201Created)
            : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> RevokeKey(string id, string keyId, HttpContext http, ApiKeyService keys)
    {
        if (!RouteIds.TryParse(id, out var accountId) || !RouteIds.TryParse(keyId, out var key)) return ApiErrors.BadRequest("Invalid account or key ID");
        var result = await keys.RevokeAsync(accountId, key, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(KeyResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    public static bool TryParseKind(string? text, out AccountKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    public static bool TryParseEnvironment(string? text, out ApiEnvironment environment)
    {
        environment = ApiEnvironment.Production;
        return string.IsNullOrEmpty(text) || Enum.TryParse(text, ignoreCase: true, out environment) && Enum.IsDefined(environment) && !int.TryParse(text, out _);
    }
}
