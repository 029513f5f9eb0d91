using Meridian.Api.Tests.Support;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.Interface;

/// <summary>The login_url over HTTP on a clock the test moves: a link left unopened for 24 hours shows the
/// "expired" page, and a session ends after its own 24 hours.</summary>
public sealed class LoginLinkExpiryTests(ClockedSqliteApiHost host) : IClassFixture<ClockedSqliteApiHost>, IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_link_opened_after_24_hours_shows_the_expired_page_and_a_session_ends_after_its_lifetime()
    {
        var partner = await host.NewPartnerAsync();
        var late = new Uri((await PartnerAccount.CreateUserAsync(partner.Api, "late")).GetProperty("login_url").GetString()!).AbsolutePath;
        var prompt = new Uri((await PartnerAccount.CreateUserAsync(partner.Api, "prompt")).GetProperty("login_url").GetString()!).AbsolutePath;
        using var browser = host.Anonymous();

        host.Clock.Advance(LoginService.LinkLifetime - TimeSpan.FromMinutes(1));
        using var signIn = await browser.Http.GetAsync(prompt);
        Assert.Equal(302, (int)signIn.StatusCode);
        string cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        using var expired = await browser.Http.GetAsync(late);
        Assert.Equal(410, (int)expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var home = new HttpRequestMessage(HttpMethod.Get, "/ui/");
        home.Headers.Add("Cookie", cookie);
        using (var page = await browser.Http.SendAsync(home)) Assert.Equal(200, (int)page.StatusCode);

        host.Clock.Advance(LoginService.SessionLifetime);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/");
        again.Headers.Add("Cookie", cookie);
        using var ended = await browser.Http.SendAsync(again);
        Assert.Equal(401, (int)ended.StatusCode);
    }
}
