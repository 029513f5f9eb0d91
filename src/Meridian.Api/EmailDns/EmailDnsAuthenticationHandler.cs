using System.Text.Encodings.Web;
using Meridian.Api.Auth;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.EmailDns;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Api.EmailDns;

/// <summary>The Email DNS API's scheme: a key sent as <c>Authorization: Bearer</c> or as the <c>APIKey</c> parameter
/// (exactly that spelling), checked by <see cref="ApiKeyService"/> like every key; else a <c>SessionID</c> parameter
/// from <c>user.login</c>, checked by <see cref="AccountSessionService"/>. A session acts for its account with the
/// <c>User.Update</c> scope (it was opened with the account's password).</summary>
public sealed class EmailDnsAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys, AccountSessionService sessions,
    RequestEnvironments environments)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EmailDns";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        var (parameters, _, _) = await EmailDnsParameters.ReadAsync(Context);
        string? token = header.Length > 0 ? ApiKeyAuthenticationHandler.TokenFrom(header) : parameters?[EmailDnsParameters.CallerKey];
        if (header.Length > 0 || !string.IsNullOrEmpty(token))
        {
            var key = token is null ? null : await keys.AuthenticateAsync(token, Context.RequestAborted);
            if (key is null) return Fail(AuthFailure.Invalid);
            if (key.Key.Environment != environments.Of(Request)) return Fail(AuthFailure.WrongEnvironment);
            Context.Features.Set(new ActorFeature(key.Actor));
            var principal = MeridianClaims.Principal(SchemeName, key.Account, key.Actor, Scopes.Effective(key.Account.Kind, key.Key.Scopes));
            return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
        }
        string? sessionId = parameters?["SessionID"];
        if (string.IsNullOrEmpty(sessionId)) return Fail(AuthFailure.Missing);
        var session = await sessions.AuthenticateAsync(sessionId, Context.RequestAborted);
        if (session is not { } signedIn) return Fail(AuthFailure.Invalid);
        if (signedIn.Actor.Environment != environments.Of(Request)) return Fail(AuthFailure.WrongEnvironment);
        Context.Features.Set(new ActorFeature(signedIn.Actor));
        var sessionPrincipal = MeridianClaims.Principal(SchemeName, signedIn.Account, signedIn.Actor, [Scopes.EmailDns]);
        return AuthenticateResult.Success(new AuthenticationTicket(sessionPrincipal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthResponses.ChallengeAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthResponses.ForbidAsync(Context);

    private AuthenticateResult Fail(AuthFailure failure)
    {
        Context.Features.Set(new AuthFailureFeature(failure));
        return failure == AuthFailure.Missing ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(failure.ToString());
    }
}
