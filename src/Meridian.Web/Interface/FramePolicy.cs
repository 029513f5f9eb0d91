using Meridian.Platform.Model;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Interface;

/// <summary>The security headers of interface pages. <c>frame-ancestors</c> lists the partner's allowed origins, so
/// only their sites can embed the interface (none configured = <c>'none'</c>, not frameable); scripts and styles come
/// from Meridian only; forms post back to Meridian only. The origins are also given to the page's script
/// (<c>meta name="meridian-frame-origins"</c>), which sends postMessage events to them and to no one else.</summary>
public static class FramePolicy
{
    public static void Apply(HttpResponse response, IReadOnlyList<string> frameOrigins)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        string ancestors = frameOrigins.Count == 0 ? "'none'" : string.Join(' ', frameOrigins);
        headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; base-uri 'none'; frame-ancestors {ancestors}";
        // Older browsers without frame-ancestors: deny framing outright when no origin is allowed.
        if (frameOrigins.Count == 0) headers.XFrameOptions = "DENY";
    }

    public static void Apply(HttpResponse response, InterfaceSettings? settings) => Apply(response, settings?.FrameOrigins ?? []);
}
