using Meridian.Api.Auth;
using Meridian.Api.Http;
using Meridian.Api.Idempotency;
using Meridian.Api.RateLimiting;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Partner;

/// <summary>The Partner API (<c>/api/v1</c>): resellers' users, their sign-in links and domains. Records are in
/// <see cref="PartnerRecordEndpoints"/>. In every path <c>{user_id}</c> is the partner's own user_identifier.</summary>
public static class PartnerApiEndpoints
{
    /// <summary>Largest request body; a batch of 1000 operations is well under it.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    private static readonly PartnerSurface s_surface = PartnerSurface.Instance;

    public static RouteGroupBuilder MapPartnerApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapSurface(s_surface).RequireAuthorization(Policies.Partner).WithTags("Partner API")
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireCallerRateLimits().AcceptIdempotencyKeys();
        var read = Policies.Scope(Scopes.DnsRead);
        var write = Policies.Scope(Scopes.DnsWrite);

        api.MapPost("/users", CreateUser).WithName("PartnerCreateUser").RequireAuthorization(Policies.Scope(Scopes.Users))
            .WithSummary("Create a user session").WithDescription("Finds or creates the user and returns a one-time login_url into the domain interface, valid 24 hours.");
        api.MapGet("/users/{user_id}/domains", ListUserDomains).WithName("PartnerListUserDomains").RequireAuthorization(read)
            .WithSummary("Get user domains").WithDescription("All the user's domains, or one page of them when page or per_page is sent.");
        api.MapPost("/users/{user_id}/domains", CreateUserDomain).WithName("PartnerCreateUserDomain").RequireAuthorization(write)
            .WithSummary("Add a domain for a user").Produces(StatusCodes.Status409Conflict);
        api.MapGet("/domains/{domain_id}", GetDomain).WithName("PartnerGetDomain").RequireAuthorization(read).WithSummary("Get domain details");
        api.MapDelete("/domains/{domain_id}", DeleteDomain).WithName("PartnerDeleteDomain").RequireAuthorization(write).WithSummary("Delete a domain");
        api.MapGet("/domains/{domain_id}/changes", ListChanges).WithName("PartnerListDomainChanges").RequireAuthorization(read)
            .WithSummary("Get a domain's change history").WithDescription("Every change, newest first: its serial, who made it, and each record set before and after.");
        api.MapPartnerRecordEndpoints();
        api.MapPartnerKeyEndpoints();
        return api;
    }

    private static async Task<Results<Created<UserSessionResponse>, JsonHttpResult<PartnerErrorBody>>> CreateUser(
        [FromBody] CreateUserRequest body, HttpContext http, UserService users, LoginService logins, LoginLinks links)
    {
        var actor = http.Actor();
        var user = await users.FindOrCreateAsync(actor, body.UserIdentifier, body.Email, http.RequestAborted);
        if (!user.Succeeded) return Refusal(user.Error);
        var login = await logins.IssueAsync(actor, user.Value.User, http.RequestAborted);
        return TypedResults.Created((string?)null, new UserSessionResponse(user.Value.User.UserIdentifier, links.LoginUrl(login.Token), login.ExpiresAt));
    }

    private static async Task<Results<Ok<UserDomainsResponse>, JsonHttpResult<PartnerErrorBody>>> ListUserDomains(
        [FromRoute(Name = "user_id")] string userId, int? page, [FromQuery(Name = "per_page")] int? perPage, HttpContext http, UserService users, DomainService domains)
    {
        if (!Paging.TryRead(page, perPage, out var request, out string? pagingError)) return Refusal(ServiceError.Validation(pagingError, "per_page", "invalid_paging"));
        var actor = http.Actor();
        var user = await users.FindAsync(actor, userId, http.RequestAborted);
        if (!user.Succeeded) return Refusal(user.Error);
        var zones = await domains.ListAsync(actor with { UserId = user.Value.Id }, http.RequestAborted);
        var items = zones.Skip(request.Skip).Take(request.Take).Select(ToDomain).ToList();
        return TypedResults.Ok(new UserDomainsResponse(items, PaginationInfo.Of(new Page<Zone>(zones, zones.Count, request))));
    }

    private static async Task<Results<Created<PartnerDomain>, JsonHttpResult<PartnerErrorBody>>> CreateUserDomain(
        [FromRoute(Name = "user_id")] string userId, [FromBody] CreateDomainRequest body, HttpContext http, UserService users, DomainService domains)
    {
        var actor = http.Actor();
        var user = await users.FindAsync(actor, userId, http.RequestAborted);
        if (!user.Succeeded) return Refusal(user.Error);
        if (string.IsNullOrWhiteSpace(body.Name)) return Refusal(ServiceError.Validation("name is required", "name", "required"));
        var zone = await domains.CreateAsync(actor, body.Name, user.Value.Id, http.RequestAborted);
        if (!zone.Succeeded) return Refusal(zone.Error);
        return TypedResults.Created($"/api/v1/domains/{zone.Value.Id}", ToDomain(zone.Value));
    }

    private static async Task<Results<Ok<PartnerDomain>, JsonHttpResult<PartnerErrorBody>>> GetDomain(
        [FromRoute(Name = "domain_id")] string domainId, HttpContext http, DomainService domains)
    {
        if (!RouteIds.TryParse(domainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        var name = await domains.GetNameAsync(http.Actor(), zoneId, http.RequestAborted);
        return name.Succeeded ? TypedResults.Ok(new PartnerDomain(zoneId.ToString(), PartnerRecordMapping.DomainName(name.Value))) : Refusal(name.Error);
    }

    private static async Task<Results<NoContent, JsonHttpResult<PartnerErrorBody>>> DeleteDomain(
        [FromRoute(Name = "domain_id")] string domainId, HttpContext http, DomainService domains)
    {
        if (!RouteIds.TryParse(domainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        var zone = await domains.DeleteAsync(http.Actor(), zoneId, http.RequestAborted);
        return zone.Succeeded ? TypedResults.NoContent() : Refusal(zone.Error);
    }

    private static async Task<Results<Ok<ChangesResponse>, JsonHttpResult<PartnerErrorBody>>> ListChanges(
        [FromRoute(Name = "domain_id")] string domainId, int? page, [FromQuery(Name = "per_page")] int? perPage, HttpContext http, ChangeJournalService journal)
    {
        if (!Paging.TryRead(page ?? 1, perPage ?? Paging.DefaultPerPage, out var request, out string? pagingError))
            return Refusal(ServiceError.Validation(pagingError, "per_page", "invalid_paging"));
        if (!RouteIds.TryParse(domainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        var changes = await journal.ListAsync(http.Actor(), zoneId, request, http.RequestAborted);
        return changes.Succeeded ? TypedResults.Ok(ChangesResponse.From(changes.Value)) : Refusal(changes.Error);
    }

    internal static PartnerDomain ToDomain(Zone zone) => new(zone.Id.ToString(), PartnerRecordMapping.DomainName(zone.Name));

    internal static JsonHttpResult<PartnerErrorBody> Refusal(ServiceError error) =>
        Refusal(s_surface.StatusOf(error.Kind), error.Problems);

    internal static JsonHttpResult<PartnerErrorBody> Refusal(int status, IReadOnlyList<Problem> problems) =>
        TypedResults.Json((PartnerErrorBody)s_surface.Body(status, problems), statusCode: status);
}
