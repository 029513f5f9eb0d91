using System.Net;
using Meridian.Web.Tests.Support;

namespace Meridian.Web.Tests;

/// <summary>The interface's security rules over real HTTP: one-time links, other users' objects, antiforgery, the
/// end of a session, and who may frame it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InterfaceSecurityTests(BrowserFixture fixture)
{
    private MeridianUnderTest Meridian => fixture.Meridian;

    [Fact]
    public async Task A_login_url_works_once()
    {
        string url = await Meridian.LoginUrlAsync("once-user", Meridian.HttpUrl);
        using (var first = Meridian.NewBrowserlikeClient())
        {
            using var response = await first.GetAsync(new Uri(url));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("meridian_session=", StringComparison.Ordinal));
        }
        using var second = Meridian.NewBrowserlikeClient();
        using var again = await second.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(again.Headers, header => header.Key == "Set-Cookie" && header.Value.Any(v => v.StartsWith("meridian_session=", StringComparison.Ordinal)));
        using var unknown = await second.GetAsync(new Uri("/ui/login/not-a-real-token", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("This sign-in link is not valid", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_domain_is_not_found_on_every_page_and_cannot_be_removed()
    {
        using var owner = await InterfaceClient.SignInAsync(Meridian, "owner-" + Guid.NewGuid().ToString("N")[..6]);
        using var stranger = await InterfaceClient.SignInAsync(Meridian, "stranger-" + Guid.NewGuid().ToString("N")[..6]);
        Guid zone = await owner.AddDomainAsync("owned-" + Guid.NewGuid().ToString("N")[..8] + ".example");
        using (var added = await owner.PostFormAsync($"/ui/domains/{zone}", "add-record",
            [new("record.type", "A"), new("record.name", "www"), new("record.ttl", "3600"), new("record.value", "192.0.2.1")]))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, records) = await owner.GetAsync($"/ui/domains/{zone}");
        string recordId = System.Text.RegularExpressions.Regex.Match(records, "data-record-id=\"([0-9a-f-]+)\"").Groups[1].Value;

        foreach (string path in new[] { $"/ui/domains/{zone}", $"/ui/domains/{zone}/import", $"/ui/domains/{zone}/history", $"/ui/domains/{zone}/remove", $"/ui/domains/{zone}/email",
                     $"/ui/domains/{zone}/export", $"/ui/domains/{zone}/records/{recordId}", $"/ui/domains/{zone}/records/{recordId}/delete" })
        {
            var (status, body) = await stranger.GetAsync(path);
            Assert.True(status == HttpStatusCode.NotFound, $"{path}: {status}");
            Assert.DoesNotContain("192.0.2.1", body, StringComparison.Ordinal);
        }
        // With a valid token of its own, the stranger's post of the owner's domain's removal finds no such form (the page
        // is "not found" for it): refused, nothing said about the domain, nothing changed.
        using var removal = await stranger.PostFormAsync($"/ui/domains/{zone}/remove", "remove-domain", [new("confirm", "x")], tokenFrom: "/ui/");
        Assert.Equal(HttpStatusCode.BadRequest, removal.StatusCode);
        Assert.DoesNotContain("owned-", await removal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/ui/domains/{zone}")).Status);
    }

    [Fact]
    public async Task A_form_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = await InterfaceClient.SignInAsync(Meridian, "csrf-" + Guid.NewGuid().ToString("N")[..6]);
        string name = "csrf-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        using var response = await client.PostFormAsync("/ui/", "add-domain", [new("name", name)], withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, page) = await client.GetAsync("/ui/");
        Assert.DoesNotContain(name, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_sign_out_the_session_has_ended_and_the_page_tells_the_partners_frame()
    {
        using var client = await InterfaceClient.SignInAsync(Meridian, "leaver-" + Guid.NewGuid().ToString("N")[..6]);
        using (var signOut = await client.PostFormAsync("/ui/sign-out", "sign-out", []))
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var response = await client.Http.GetAsync(new Uri("/ui/", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Your session has ended", body, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"meridian-event\" content=\"session-expired\">", body, StringComparison.Ordinal);
        // Still frameable by the partner (and only by it), so the frame shows the page and hears the event.
        Assert.Contains("frame-ancestors " + fixture.Host.AllowedOrigin, response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_frameable_only_by_the_partners_origins()
    {
        using var client = await InterfaceClient.SignInAsync(Meridian, "headers-" + Guid.NewGuid().ToString("N")[..6]);
        using var response = await client.Http.GetAsync(new Uri("/ui/", UriKind.Relative));
        string policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("frame-ancestors " + fixture.Host.AllowedOrigin, policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }
}
