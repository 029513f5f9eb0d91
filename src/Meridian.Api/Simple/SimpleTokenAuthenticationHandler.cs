using System.Security.Claims;
using System.Text.Encodings.Web;
using Meridian.Api.Auth;
using Meridian.Api.Surfaces;
using Meridian.Platform.Simple;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Simple;

/// <summary>The Simple API's scheme: <c>Authorization: Bearer TOKEN</c> with a token of the original service
/// (<see cref="SimpleTokens"/>) naming a configured user. The principal is that user; the endpoints read it as a
/// <see cref="SimpleCaller"/>. Every failure is the surface's 401 "Unauthorized" (the original said 404).</summary>
public sealed class SimpleTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SimpleApiDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SimpleToken";
    public const string UserClaim = "meridian:simple_user";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Task.FromResult(Fail(AuthFailure.Missing));
        string? token = ApiKeyAuthenticationHandler.TokenFrom(header);
        if (token is null || directory.Authenticate(token) is not { } caller) return Task.FromResult(Fail(AuthFailure.Invalid));
        Context.Features.Set(new SimpleCallerFeature(caller));
        // The user stands where an API key would: its requests are counted, and its Idempotency-Keys kept, under this id.
        var callerId = directory.CallerId(caller.User);
        Context.Features.Set(new KeylessCallerFeature(callerId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(UserClaim, caller.User)], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthResponses.ChallengeAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthResponses.ForbidAsync(Context);

    private AuthenticateResult Fail(AuthFailure failure)
    {
        Context.Features.Set(new AuthFailureFeature(failure));
        return failure == AuthFailure.Missing ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(failure.ToString());
    }
}

/// <summary>The Simple API user the request was authenticated as.</summary>
public sealed record SimpleCallerFeature(SimpleCaller Caller);
