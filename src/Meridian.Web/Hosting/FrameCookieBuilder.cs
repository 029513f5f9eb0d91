using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Hosting;

/// <summary>Builds the antiforgery cookie the way <c>SessionCookie</c> builds the session cookie: over
/// HTTPS <c>SameSite=None; Secure; Partitioned</c>, so forms work inside a partner's iframe (the default SameSite=Strict
/// cookie is never sent from a third-party frame); over plain http (loopback development) <c>SameSite=Lax</c>.</summary>
internal sealed class FrameCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        if (context.Request.IsHttps)
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
}
