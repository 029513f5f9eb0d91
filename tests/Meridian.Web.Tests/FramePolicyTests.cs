using Meridian.Platform.Services;
using Meridian.Web.Interface;
using Microsoft.AspNetCore.Http;

namespace Meridian.Web.Tests;

public sealed class FramePolicyTests
{
    [Fact]
    public void Without_allowed_origins_the_interface_cannot_be_framed()
    {
        var context = new DefaultHttpContext();
        FramePolicy.Apply(context.Response, []);
        Assert.EndsWith("frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("DENY", context.Response.Headers.XFrameOptions.ToString());
    }

    [Fact]
    public void Allowed_origins_are_listed_in_frame_ancestors()
    {
        var context = new DefaultHttpContext();
        FramePolicy.Apply(context.Response, ["https://app.example.com", "https://admin.example.com:8443"]);
        Assert.EndsWith("frame-ancestors https://app.example.com https://admin.example.com:8443", context.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("", context.Response.Headers.XFrameOptions.ToString());
    }

    [Theory]
    [InlineData("https://App.Example.com/", "https://app.example.com")]
    [InlineData("https://app.example.com:443", "https://app.example.com")]
    [InlineData("https://app.example.com:8443", "https://app.example.com:8443")]
    [InlineData("http://localhost:3000", "http://localhost:3000")]
    public void Origins_are_normalized(string given, string expected)
    {
        Assert.True(InterfaceSettingsService.TryNormalizeOrigin(given, out string? origin, out _));
        Assert.Equal(expected, origin);
    }

    [Theory]
    [InlineData("app.example.com", "is not an origin")]
    [InlineData("https://*.example.com", "is not an origin")]
    [InlineData("https://app.example.com/dns", "leave out the path")]
    [InlineData("http://app.example.com", "must use https")]
    [InlineData("javascript:alert(1)", "is not an origin")]
    public void What_is_not_an_origin_is_refused_with_a_reason(string given, string reason)
    {
        Assert.False(InterfaceSettingsService.TryNormalizeOrigin(given, out _, out string? error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
