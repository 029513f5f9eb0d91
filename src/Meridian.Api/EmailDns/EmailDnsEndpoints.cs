using System.Text.Json;
using Meridian.Api.Idempotency;
using Meridian.Api.Auth;
using Meridian.Api.OpenApi;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.EmailDns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.EmailDns;

/// <summary>The Email DNS API: <c>/api/v1/dns.provider|dns.authorize|dns.set</c> (the path names the command;
/// <c>Command</c> may repeat it), the same commands through the legacy <c>/api.php</c> (<c>Command=…</c>, GET or
/// POST), the DKIM keys and history of a domain, and <c>/api/v1/user.login</c> for a <c>SessionID</c>. Endpoints map
/// parameters to <see cref="EmailDnsService"/> and its outcome to the spec's bodies.</summary>
public static class EmailDnsEndpoints
{
    public const string Policy = "email-dns";

    private static readonly EmailDnsSurface s_surface = EmailDnsSurface.Instance;
    private static readonly string[] s_legacyCommands = ["dns.provider", EmailDnsService.Authorize, EmailDnsService.Set];

    public static IEndpointRouteBuilder MapEmailDnsEndpoints(this IEndpointRouteBuilder routes)
    {
        var limit = routes.ServiceProvider.GetRequiredService<EmailDnsRateLimit>();
        var legacy = routes.MapSurface(s_surface).WithTags("Email DNS API (legacy)").AcceptIdempotencyKeys();
        var api = routes.MapGroup("/api/v1").WithMetadata(s_surface).WithGroupName(s_surface.Name).WithTags("Email DNS API")
            .AcceptIdempotencyKeys();
        string[] policies = [Policy, Policies.Scope(Scopes.EmailDns)];

        api.MapGet("/dns.provider", (HttpContext http, EmailDnsService service) => RunAsync(http, "dns.provider", service))
            .WithName("EmailDnsProvider").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync)
            .WithSummary("Get DNS provider").WithDescription("Who hosts the domain's DNS, from its nameservers.")
            .Produces<ProviderResponse>().Produces(StatusCodes.Status404NotFound);
        api.MapPost("/dns.authorize", (HttpContext http, EmailDnsService service) => RunAsync(http, EmailDnsService.Authorize, service))
            .WithName("EmailDnsAuthorize").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync).DocumentsBody<EmailDnsCommandBody>()
            .WithSummary("Authorize DNS provider").WithDescription("Verifies the provider credentials with the provider and keeps them, encrypted.")
            .Produces<SuccessResponse>().Produces(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status502BadGateway);
        api.MapPost("/dns.set", (HttpContext http, EmailDnsService service) => RunAsync(http, EmailDnsService.Set, service))
            .WithName("EmailDnsSet").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync).DocumentsBody<EmailDnsCommandBody>()
            .WithSummary("Set DNS records").WithDescription("Writes the SPF, DKIM and DMARC records (and bounce CNAME) of the record type at the provider. " +
                "Idempotent; an existing SPF record is merged, another DMARC policy is kept and reported in warnings.")
            .Produces<SuccessResponse>().Produces(StatusCodes.Status422UnprocessableEntity).Produces(StatusCodes.Status502BadGateway);
        api.MapGet("/dns.dkim", Dkim).WithName("EmailDnsDkim").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync)
            .WithSummary("Get DKIM keys").WithDescription("The domain's DKIM keys with their private keys, for the mail server that signs.")
            .Produces<DkimResponse>().Produces(StatusCodes.Status404NotFound);
        api.MapGet("/dns.history", History).WithName("EmailDnsHistory").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync)
            .WithSummary("Get dns.set history").WithDescription("Every dns.set for the domain, newest first: who, provider, records written, warnings, failure.")
            .Produces<HistoryResponse>();
        // Anonymous (it is how a session is opened), so it is left out of the document, whose every operation takes a key.
        api.MapPost("/user.login", Login).WithName("EmailDnsLogin").ExcludeFromDescription();
        legacy.MapGet("", (HttpContext http, EmailDnsService service) => RunAsync(http, null, service))
            .WithName("EmailDnsLegacyGet").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync)
            .WithSummary("Legacy endpoint (query string)").WithDescription("dns.provider, dns.authorize and dns.set named by Command, parameters in the query string.")
            .Produces<SuccessResponse>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status502BadGateway);
        legacy.MapPost("", (HttpContext http, EmailDnsService service) => RunAsync(http, null, service))
            .WithName("EmailDnsLegacy").RequireAuthorization(policies).AddEndpointFilter(limit.FilterAsync).DocumentsBody<EmailDnsCommandBody>()
            .WithSummary("Legacy endpoint").WithDescription("dns.provider, dns.authorize and dns.set named by Command, parameters as query string, form or JSON.")
            .Produces<SuccessResponse>().Produces(StatusCodes.Status404NotFound).Produces(StatusCodes.Status422UnprocessableEntity)
            .Produces(StatusCodes.Status502BadGateway);
        return routes;
    }

    /// <summary>Runs one command: <paramref name="endpointCommand"/> is the path's, null on <c>/api.php</c>.</summary>
    private static async Task<IResult> RunAsync(HttpContext http, string? endpointCommand, EmailDnsService service)
    {
        var (parameters, status, error) = await EmailDnsParameters.ReadAsync(http);
        if (parameters is null) return s_surface.Error(status, error!);
        string? named = parameters["Command"]?.Trim();
        string command;
        if (endpointCommand is null)
        {
            var known = s_legacyCommands.FirstOrDefault(c => string.Equals(c, named, StringComparison.OrdinalIgnoreCase));
            if (known is null) return s_surface.Error(StatusCodes.Status400BadRequest, "Unknown command");
            command = known;
        }
        else
        {
            if (!string.IsNullOrEmpty(named) && !string.Equals(named, endpointCommand, StringComparison.OrdinalIgnoreCase))
                return s_surface.Error(StatusCodes.Status400BadRequest, "Command does not match the endpoint");
            command = endpointCommand;
        }
        if (command == "dns.provider")
        {
            var detected = await service.DetectAsync(parameters["Domain"], http.RequestAborted);
            return detected.Failure is { } failure ? EmailDnsSurface.Failure(failure) : TypedResults.Ok(new ProviderResponse(detected.Value!));
        }
        // dns.authorize and dns.set are POST commands; the legacy endpoint still takes them by GET, as it always did.
        var request = new EmailDnsRequest(parameters["Domain"], parameters["Provider"], parameters["RecordType"], parameters[EmailDnsParameters.ProviderKey],
            parameters["ApiSecret"], parameters["ApiUser"], parameters["Username"]);
        var actor = http.Actor();
        if (command == EmailDnsService.Authorize)
        {
            var authorized = await service.AuthorizeAsync(actor, request, http.RequestAborted);
            return authorized.Failure is { } failure ? EmailDnsSurface.Failure(failure) : TypedResults.Ok(new SuccessResponse(true));
        }
        var set = await service.SetAsync(actor, request, http.RequestAborted);
        if (set.Failure is { } setFailure) return EmailDnsSurface.Failure(setFailure);
        return TypedResults.Ok(new SuccessResponse(true, set.Value!.Warnings.Count > 0 ? set.Value.Warnings : null));
    }

    private static async Task<IResult> Dkim(HttpContext http, EmailDnsService service)
    {
        var (parameters, status, error) = await EmailDnsParameters.ReadAsync(http);
        if (parameters is null) return s_surface.Error(status, error!);
        var keys = await service.DkimKeysAsync(http.Actor(), parameters["Domain"], http.RequestAborted);
        if (keys.Failure is { } failure) return EmailDnsSurface.Failure(failure);
        return TypedResults.Ok(new DkimResponse(keys.Value![0].Domain,
            [.. keys.Value.Select(k => new DkimKeyJson(k.Selector, k.DnsName, k.DnsValue, k.PrivateKeyPem, k.CreatedAt))]));
    }

    private static async Task<IResult> History(HttpContext http, EmailDnsService service)
    {
        var (parameters, status, error) = await EmailDnsParameters.ReadAsync(http);
        if (parameters is null) return s_surface.Error(status, error!);
        var history = await service.HistoryAsync(http.Actor(), parameters["Domain"], http.RequestAborted);
        if (history.Failure is { } failure) return EmailDnsSurface.Failure(failure);
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        return TypedResults.Ok(new HistoryResponse(parameters["Domain"]!.Trim().TrimEnd('.').ToLowerInvariant(), [.. history.Value!.Select(c => new HistoryEntryJson(
            c.At, c.Principal, c.Provider, c.RecordType, c.Outcome, JsonSerializer.Deserialize<List<HistoryRecordJson>>(c.Records, json) ?? [],
            JsonSerializer.Deserialize<List<string>>(c.Warnings) ?? [], c.Error))]));
    }

    private static async Task<IResult> Login(HttpContext http, AccountSessionService sessions, RequestEnvironments environments)
    {
        var (parameters, status, error) = await EmailDnsParameters.ReadAsync(http);
        if (parameters is null) return s_surface.Error(status, error!);
        string? email = parameters["Email"];
        string? password = parameters["Password"];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
            return s_surface.Error(StatusCodes.Status400BadRequest, "Email and Password are required");
        var opened = await sessions.OpenAsync(email, password, environments.Of(http.Request), http.RequestAborted);
        if (!opened.Succeeded) return s_surface.From(opened.Error);
        return TypedResults.Ok(new LoginResponse(true, opened.Value.SessionId, opened.Value.ExpiresAt));
    }
}
