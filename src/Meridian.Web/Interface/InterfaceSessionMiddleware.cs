using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Interface;

/// <summary>Guards every interface page under <c>/ui/</c> (except the sign-in link and the assets): the session
/// cookie must name a live session of a partner user whose account is not suspended. Otherwise the request ends here
/// with the "session ended" page (401), which tells the partner's frame <c>meridian:session-expired</c>. A live
/// session is put in the request's features for the pages (<see cref="InterfaceSession"/>).</summary>
internal sealed class InterfaceSessionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, LoginService logins, InterfaceSettingsService settings)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/ui") || path.StartsWithSegments("/ui/login") || path.StartsWithSegments("/ui/assets"))
        {
            await next(http);
            return;
        }
        string? token = SessionCookie.Read(http.Request);
        var signedIn = await logins.AuthenticateAsync(token, http.RequestAborted);
        if (signedIn is null || signedIn.Account.SuspendedAt is not null)
        {
            var accountId = signedIn?.Account.Id ?? await logins.AccountOfSessionAsync(token, http.RequestAborted);
            var frameable = accountId is { } id ? await settings.GetAsync(id, http.RequestAborted) : null;
            FramePolicy.Apply(http.Response, frameable);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.ContentType = "text/html; charset=utf-8";
            string page = token is null ? InterfacePages.SignedOut(frameable) : InterfacePages.SessionExpired(frameable);
            await http.Response.WriteAsync(page, http.RequestAborted);
            return;
        }
        var session = new InterfaceSession(signedIn, await settings.GetAsync(signedIn.Account.Id, http.RequestAborted));
        http.Features.Set(session);
        FramePolicy.Apply(http.Response, session.Settings);
        if (session.ReadOnly && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(InterfacePages.ReadOnly(session.Settings), http.RequestAborted);
            return;
        }
        await next(http);
    }
}
