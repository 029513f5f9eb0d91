using System.Net;
using System.Text.RegularExpressions;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Web.Tests.Support;

namespace Meridian.Web.Tests;

/// <summary>The partner dashboard over real HTTP: password sign-in (refused, throttled, accepted), keys with the token
/// shown once, frame origins that the interface then uses, and one partner never reaching another's keys.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PartnerDashboardTests(BrowserFixture fixture)
{
    private MeridianUnderTest Meridian => fixture.Meridian;

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_ones_are_throttled()
    {
        var (account, _) = await NewPartnerAsync();
        using var client = new InterfaceClient(Meridian.NewBrowserlikeClient());
        for (int attempt = 1; attempt <= AccountPasswordService.FreeAttempts; attempt++)
        {
            using var wrong = await SignInAsync(client, account.Email!, "not the password");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("Invalid email or password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var throttled = await SignInAsync(client, account.Email!, "not the password");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.False(throttled.Headers.Contains("Set-Cookie") && throttled.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("meridian_partner=", StringComparison.Ordinal)));
        var (status, _) = await client.GetAsync("/partner");
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task A_partner_signs_in_creates_a_key_seen_once_and_allows_a_frame_origin()
    {
        var (account, password) = await NewPartnerAsync();
        using var client = new InterfaceClient(Meridian.NewBrowserlikeClient());
        using (var signIn = await SignInAsync(client, account.Email!, password))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var created = await client.PostFormAsync("/partner", "create-key",
            [new("name", "billing"), new("environment", "sandbox"), new("scopes", "users"), new("scopes", "dns:read")]);
        string page = await created.Content.ReadAsStringAsync();
        string token = TokenValue().Match(page).Groups[1].Value;
        Assert.StartsWith("mk_test_", token, StringComparison.Ordinal);
        var (_, later) = await client.GetAsync("/partner");
        Assert.Contains("billing", later, StringComparison.Ordinal);
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);

        using var origins = await client.PostFormAsync("/partner/settings", "frame-origins", [new("origins", "https://App.Example.com/\nnot an origin")]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, origins.StatusCode);
        Assert.Contains("is not an origin", await origins.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var saved = await client.PostFormAsync("/partner/settings", "frame-origins", [new("origins", "https://App.Example.com/")]);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["https://app.example.com"], (await Meridian.Get<InterfaceSettingsService>().GetAsync(account.Id)).FrameOrigins);

        using var branding = await client.PostFormAsync("/partner/settings", "branding",
            [new("display_name", "Acme DNS"), new("logo_url", "http://insecure.example/logo.png"), new("accent_colour", "#12345"), new("support_url", "")]);
        string refused = await branding.Content.ReadAsStringAsync();
        Assert.Contains("The logo URL must be an https:// address", refused, StringComparison.Ordinal);
        Assert.Contains("The accent colour must be written #RRGGBB", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partner_cannot_revoke_another_partners_key_and_the_dashboard_cannot_be_framed()
    {
        var (account, password) = await NewPartnerAsync();
        using var client = new InterfaceClient(Meridian.NewBrowserlikeClient());
        using (await SignInAsync(client, account.Email!, password)) { }
        var othersKey = (await Meridian.Get<ApiKeyService>().ListAsync(Meridian.Partner.Id))[0];

        using var response = await client.Http.GetAsync(new Uri($"/partner/keys/{othersKey.Id}/revoke", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Null((await Meridian.Get<ApiKeyService>().ListAsync(Meridian.Partner.Id))[0].RevokedAt);
    }

    [Fact]
    public async Task A_partner_opens_a_users_interface_read_only_and_nothing_can_be_changed_from_it()
    {
        var (account, password) = await NewPartnerAsync();
        var partner = Actor.ForAccount(account.Id);
        var user = (await Meridian.Get<UserService>().FindOrCreateAsync(partner, "supported", "supported@users.test")).Value.User;
        string domain = "supported-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        Assert.True((await Meridian.Get<DomainService>().CreateAsync(partner, domain, user.Id)).Succeeded);
        using var client = new InterfaceClient(Meridian.NewBrowserlikeClient());
        using (await SignInAsync(client, account.Email!, password)) { }

        var (_, users) = await client.GetAsync("/partner/users");
        Assert.Contains(domain, users, StringComparison.Ordinal);
        using var open = await client.PostFormAsync($"/partner/users/{user.Id}/support", "open-support", []);
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        using (var login = await client.Http.GetAsync(open.Headers.Location!))
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var (status, home) = await client.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(domain, home, StringComparison.Ordinal);
        Assert.Contains("Read-only support view", home, StringComparison.Ordinal);

        using var write = await client.PostFormAsync("/ui/", "add-domain", [new("name", "sneaky-" + domain)]);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Single(await Meridian.Get<DomainService>().ListAsync(partner));

        // Another partner's user is not found from this dashboard.
        var othersUser = (await Meridian.Get<UserService>().FindOrCreateAsync(Actor.ForAccount(Meridian.Partner.Id), "not-yours", null)).Value.User;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/partner/users/{othersUser.Id}/support")).Status);
    }

    [Fact]
    public async Task The_dashboard_shows_what_each_live_key_has_left_without_spending_any()
    {
        var (account, password) = await NewPartnerAsync();
        var keys = Meridian.Get<ApiKeyService>();
        var used = (await keys.IssueAsync(account.Id, "busy", ApiEnvironment.Production, [Scopes.DnsRead])).Value!;
        var idle = (await keys.IssueAsync(account.Id, "idle", ApiEnvironment.Sandbox, [Scopes.DnsRead])).Value!;
        var revoked = (await keys.IssueAsync(account.Id, "gone", ApiEnvironment.Production, [Scopes.DnsRead])).Value!;
        Assert.True((await keys.RevokeAsync(account.Id, revoked.Key.Id)).Succeeded);
        using var client = new InterfaceClient(Meridian.NewBrowserlikeClient());
        using (await SignInAsync(client, account.Email!, password)) { }
        var (_, before) = await client.GetAsync("/partner");
        int hourBefore = Remaining(before, used.Key.Id, "hour"), minuteBefore = Remaining(before, used.Key.Id, "minute");

        const int calls = 3;
        using var api = Meridian.NewBrowserlikeClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", used.Token);
        string? lastRemaining = null;
        for (int i = 0; i < calls; i++)
        {
            // Any Partner API request counts, whatever it answers.
            using var response = await api.GetAsync(new Uri($"/api/v1/domains/{Guid.NewGuid()}", UriKind.Relative));
            lastRemaining = response.Headers.GetValues("X-RateLimit-Remaining").Single();
        }

        var (_, after) = await client.GetAsync("/partner");
        Assert.Equal(hourBefore - calls, Remaining(after, used.Key.Id, "hour"));
        Assert.Equal(minuteBefore - calls, Remaining(after, used.Key.Id, "minute"));
        Assert.Equal(lastRemaining, Remaining(after, used.Key.Id, "hour").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("resets in", UsageRow(after, used.Key.Id), StringComparison.Ordinal);
        Assert.Equal(1000, Remaining(after, idle.Key.Id, "hour"));
        Assert.DoesNotContain(revoked.Key.Id.ToString(), UsageTable(after), StringComparison.Ordinal);
        // Looking spent nothing: the next request is counted from where the calls left off.
        var (_, again) = await client.GetAsync("/partner");
        Assert.Equal(hourBefore - calls, Remaining(again, used.Key.Id, "hour"));
        using var next = await api.GetAsync(new Uri($"/api/v1/domains/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal((hourBefore - calls - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), next.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    private static string UsageTable(string page) => page[page.IndexOf("id=\"key-usage\"", StringComparison.Ordinal)..];

    private static string UsageRow(string page, Guid keyId)
    {
        string table = UsageTable(page);
        int start = table.IndexOf($"data-key-id=\"{keyId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no usage row for key {keyId}");
        return table[start..table.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static int Remaining(string page, Guid keyId, string window)
    {
        var match = UsageFigure().Matches(UsageRow(page, keyId)).FirstOrDefault(m => m.Groups[1].Value == window);
        Assert.NotNull(match);
        return int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<HttpResponseMessage> SignInAsync(InterfaceClient client, string email, string password) =>
        client.PostFormAsync("/partner/sign-in", "partner-sign-in", [new("email", email), new("password", password)]);

    private async Task<(Account Account, string Password)> NewPartnerAsync()
    {
        string name = "dash-" + Guid.NewGuid().ToString("N")[..8];
        var account = (await Meridian.Get<AccountService>().CreateAsync(AccountKind.Partner, name, name + "@partners.test")).Value!;
        string password = "correct horse " + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await Meridian.Get<AccountPasswordService>().SetAsync(account.Id, password)).Succeeded);
        return (account, password);
    }

    [GeneratedRegex("data-window=\"([a-z]+)\"><span class=\"remaining\">([0-9]+)</span>")]
    private static partial Regex UsageFigure();

    [GeneratedRegex("id=\"new-token\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenValue();
}
