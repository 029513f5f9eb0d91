using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Tests;

public sealed class SessionCookieTests
{
    [Fact]
    public void Over_https_the_cookie_works_inside_a_partners_iframe()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        SessionCookie.Set(context, "secret", DateTime.UtcNow.AddHours(1));
        string header = context.Response.Headers.SetCookie.ToString();
        Assert.Contains("samesite=none", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("partitioned", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Over_plain_http_the_cookie_is_lax_and_not_secure()
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        SessionCookie.Set(context, "secret", DateTime.UtcNow.AddHours(1));
        string header = context.Response.Headers.SetCookie.ToString();
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("partitioned", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
    }
}
