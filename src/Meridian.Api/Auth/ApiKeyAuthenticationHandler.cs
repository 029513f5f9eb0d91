using System.Text.Encodings.Web;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Auth;

/// <summary>The API key scheme: <c>Authorization: Bearer TOKEN</c> (or the bare token), checked by
/// <see cref="ApiKeyService"/> (hash lookup, constant-time compare). A key is valid only on its own environment's
/// hosts (<see cref="RequestEnvironments"/>). Challenges and refusals are written in the surface's error shape.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyService keys, RequestEnvironments environments)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return Fail(AuthFailure.Missing);
        string? token = TokenFrom(header);
        var key = token is null ? null : await keys.AuthenticateAsync(token, Context.RequestAborted);
        if (key is null) return Fail(AuthFailure.Invalid);
        if (key.Key.Environment != environments.Of(Request)) return Fail(AuthFailure.WrongEnvironment);
        var actor = key.Actor;
        Context.Features.Set(new ActorFeature(actor));
        var principal = MeridianClaims.Principal(SchemeName, key.Account, actor, Scopes.Effective(key.Account.Kind, key.Key.Scopes));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthResponses.ChallengeAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthResponses.ForbidAsync(Context);

    private AuthenticateResult Fail(AuthFailure failure)
    {
        Context.Features.Set(new AuthFailureFeature(failure));
        return failure == AuthFailure.Missing ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(failure.ToString());
    }

    /// <summary>"Bearer TOKEN" or the bare token; null when there is none.</summary>
    internal static string? TokenFrom(string header)
    {
        header = header.Trim();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) header = header[7..].Trim();
        return header.Length == 0 || header.Contains(' ', StringComparison.Ordinal) ? null : header;
    }
}
