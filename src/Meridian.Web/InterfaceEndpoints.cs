using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Web;

/// <summary>The embedded domain interface a partner's user reaches through a <c>login_url</c>: the link is
/// exchanged once for a session cookie and redirected to <c>/ui/</c> (so the token leaves the address bar and
/// the history), which lists the user's domains. A used or expired link shows a page saying so (410) — unless
/// the browser already holds a live session of the same user, which goes straight in, so a reloaded iframe
/// keeps working.</summary>
public static class InterfaceEndpoints
{
    public const string HomePath = "/ui/";

    public static IEndpointRouteBuilder MapInterfaceEndpoints(this IEndpointRouteBuilder routes)
    {
        var ui = routes.MapGroup("/ui").AddEndpointFilter(async (invocation, next) =>
        {
            var headers = invocation.HttpContext.Response.Headers;
            // The pages may be framed by partners' sites; they must never be cached or leak the link token onwards.
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Content-Type-Options"] = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *; base-uri 'none'; form-action 'self'";
            return await next(invocation);
        });
        ui.MapGet("/login/{token}", SignInAsync).WithName("InterfaceLogin").ExcludeFromDescription();
        ui.MapGet("/", HomeAsync).WithName("InterfaceHome").ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignInAsync(string token, HttpContext http, LoginService logins)
    {
        var current = await logins.AuthenticateAsync(SessionCookie.Read(http.Request), http.RequestAborted);
        var exchange = await logins.ExchangeAsync(token, http.RequestAborted);
        switch (exchange.Outcome)
        {
            case LoginOutcome.SignedIn:
                SessionCookie.Set(http, exchange.SessionToken!, exchange.SessionExpiresAt!.Value);
                return Results.Redirect(HomePath, permanent: false, preserveMethod: false);
            case LoginOutcome.Used or LoginOutcome.Expired when current is not null && current.User.Id == exchange.UserId:
                return Results.Redirect(HomePath);
            case LoginOutcome.Used:
                return Html(InterfacePages.LinkUsed(), StatusCodes.Status410Gone);
            case LoginOutcome.Expired:
                return Html(InterfacePages.LinkExpired(), StatusCodes.Status410Gone);
            default:
                return Html(InterfacePages.LinkUnknown(), StatusCodes.Status404NotFound);
        }
    }

    private static async Task<IResult> HomeAsync(HttpContext http, LoginService logins, DomainService domains)
    {
        var signedIn = await logins.AuthenticateAsync(SessionCookie.Read(http.Request), http.RequestAborted);
        if (signedIn is null || signedIn.Account.SuspendedAt is not null) return Html(InterfacePages.SignedOut(), StatusCodes.Status401Unauthorized);
        var zones = await domains.ListAsync(signedIn.Actor, http.RequestAborted);
        return Html(InterfacePages.Domains(signedIn.User, zones), StatusCodes.Status200OK);
    }

    private static IResult Html(string html, int status) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
