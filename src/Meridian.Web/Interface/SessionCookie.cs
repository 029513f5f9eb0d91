using Meridian.Api.Auth;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web;

/// <summary>The interface's session cookie. Over HTTPS it is <c>SameSite=None; Secure; Partitioned; HttpOnly</c>, so it
/// works inside a partner's iframe (a third-party context, where browsers keep partitioned cookies per top-level
/// site); over plain http (development on loopback) <c>SameSite=Lax; HttpOnly</c>, since browsers drop
/// <c>SameSite=None</c> without <c>Secure</c>.</summary>
internal static class SessionCookie
{
    public static CookieOptions Options(HttpRequest request, DateTime expiresAt)
    {
        var options = new CookieOptions { HttpOnly = true, Path = "/", Expires = expiresAt, IsEssential = true };
        if (request.IsHttps)
        {
            options.Secure = true;
            options.SameSite = SameSiteMode.None;
            options.Extensions.Add("Partitioned");
        }
        else
        {
            options.SameSite = SameSiteMode.Lax;
        }
        return options;
    }

    public static void Set(HttpContext context, string token, DateTime expiresAt) =>
        context.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, token, Options(context.Request, expiresAt));

    public static string? Read(HttpRequest request) => request.Cookies[SessionAuthenticationHandler.CookieName];
}
