using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Partner;

/// <summary>Guards the partner dashboard (<c>/partner</c>): every page but the sign-in needs the dashboard cookie of a
/// partner account that exists and is not suspended, read again on every request (a suspension takes effect at once).
/// Without one, the browser is sent to the sign-in page. The dashboard is never framed.</summary>
internal sealed class PartnerSessionMiddleware(RequestDelegate next)
{
    public const string SignInPath = "/partner/sign-in";

    public async Task InvokeAsync(HttpContext http, AccountService accounts)
    {
        if (!http.Request.Path.StartsWithSegments("/partner"))
        {
            await next(http);
            return;
        }
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "same-origin";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

        if (await PartnerDashboardAuthentication.AccountIdAsync(http) is { } accountId)
        {
            var account = await accounts.GetAsync(accountId, http.RequestAborted);
            if (account.Succeeded && account.Value!.Kind == AccountKind.Partner && account.Value.SuspendedAt is null)
                http.Features.Set(new PartnerSession(account.Value));
            else
                await PartnerDashboardAuthentication.SignOutAsync(http);
        }
        if (http.Features.Get<PartnerSession>() is null && !http.Request.Path.StartsWithSegments(SignInPath))
        {
            http.Response.Redirect(SignInPath);
            return;
        }
        await next(http);
    }
}
