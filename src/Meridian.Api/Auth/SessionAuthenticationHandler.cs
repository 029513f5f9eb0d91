using System.Text.Encodings.Web;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Api.Auth;

/// <summary>The embedded interface's scheme: the session cookie a partner user gets by opening a <c>login_url</c>.
/// It acts as that user (its zones only, no user management). A request that changes anything must also carry
/// <c>X-Requested-With</c>, which a cross-site form cannot send without a CORS preflight that Meridian never grants,
/// so the cookie cannot be ridden from another site.</summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, LoginService logins)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    public const string CookieName = "meridian_session";

    public const string CsrfHeader = "X-Requested-With";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out string? token) || string.IsNullOrEmpty(token))
        {
            Context.Features.Set(new AuthFailureFeature(AuthFailure.Missing));
            return AuthenticateResult.NoResult();
        }
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method) && !Request.Headers.ContainsKey(CsrfHeader))
            return Fail();
        var signedIn = await logins.AuthenticateAsync(token, Context.RequestAborted);
        if (signedIn is null) return Fail();
        Context.Features.Set(new ActorFeature(signedIn.Actor));
        // A read-only (support) session reads; it never writes.
        var principal = MeridianClaims.Principal(SchemeName, signedIn.Account, signedIn.Actor,
            signedIn.ReadOnly ? [Scopes.DnsRead] : [Scopes.DnsRead, Scopes.DnsWrite]);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthResponses.ChallengeAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthResponses.ForbidAsync(Context);

    private AuthenticateResult Fail()
    {
        Context.Features.Set(new AuthFailureFeature(AuthFailure.Invalid));
        return AuthenticateResult.Fail("invalid session");
    }
}
