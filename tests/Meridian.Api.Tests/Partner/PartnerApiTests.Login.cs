using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Partner;

/// <summary>The login_url: single use, exchanged for a session cookie, redirected to a URL without the token.</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task A_login_url_signs_the_user_in_once_and_shows_its_domains()
    {
        var partner = await Host.NewPartnerAsync();
        var (user, _, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "login");
        var login = await PartnerAccount.CreateUserAsync(partner.Api, user, "someone@example.net");
        var path = new Uri(Text(login, "login_url")).AbsolutePath;

        using var browser = Host.Anonymous();
        using var first = await browser.Http.GetAsync(path);
        Assert.Equal(302, (int)first.StatusCode);
        Assert.Equal("/ui/", first.Headers.Location!.OriginalString);
        string setCookie = first.Headers.GetValues("Set-Cookie").Single();
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        string cookie = setCookie.Split(';')[0];

        using var home = new HttpRequestMessage(HttpMethod.Get, "/ui/");
        home.Headers.Add("Cookie", cookie);
        using var page = await browser.Http.SendAsync(home);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains(domain, html, StringComparison.Ordinal);
        Assert.Contains("someone@example.net", html, StringComparison.Ordinal);

        // The same link again: used. Without the session a clear 410 page; with the same user's live session, straight in.
        using var second = await browser.Http.GetAsync(path);
        Assert.Equal(410, (int)second.StatusCode);
        Assert.Contains("already been used", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reload = new HttpRequestMessage(HttpMethod.Get, path);
        reload.Headers.Add("Cookie", cookie);
        using var reloaded = await browser.Http.SendAsync(reload);
        Assert.Equal(302, (int)reloaded.StatusCode);

        using var unknown = await browser.Http.GetAsync("/ui/login/not-a-real-token");
        Assert.Equal(404, (int)unknown.StatusCode);
        using var signedOut = await browser.Http.GetAsync("/ui/");
        Assert.Equal(401, (int)signedOut.StatusCode);
    }

    [Fact]
    public async Task Another_users_live_session_does_not_open_a_used_link()
    {
        var partner = await Host.NewPartnerAsync();
        var (user1, _, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "l1");
        var (user2, _, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "l2");
        var link1 = new Uri(Text(await PartnerAccount.CreateUserAsync(partner.Api, user1), "login_url")).AbsolutePath;
        var link2 = new Uri(Text(await PartnerAccount.CreateUserAsync(partner.Api, user2), "login_url")).AbsolutePath;
        using var browser = Host.Anonymous();
        (await browser.Http.GetAsync(link1)).Dispose();
        using var signIn2 = await browser.Http.GetAsync(link2);
        string cookie2 = signIn2.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var replay = new HttpRequestMessage(HttpMethod.Get, link1);
        replay.Headers.Add("Cookie", cookie2);
        using var response = await browser.Http.SendAsync(replay);
        Assert.Equal(410, (int)response.StatusCode);
    }
}
