using System.Net;
using Meridian.Web.Tests.Support;

namespace Meridian.Web.Tests;

/// <summary>The Email setup page's refusals over real HTTP: a record set that does not exist, an SPF record the include
/// would push past 10 lookups, a post without the antiforgery token, and another user's domain. Each is refused with a
/// clear message and leaves DNS as it was.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailSetupTests(BrowserFixture fixture)
{
    private MeridianUnderTest Meridian => fixture.Meridian;

    [Fact]
    public async Task An_unknown_record_set_or_an_spf_record_past_ten_lookups_is_refused_and_nothing_is_written()
    {
        using var client = await InterfaceClient.SignInAsync(Meridian, "email-refused-" + Guid.NewGuid().ToString("N")[..6]);
        string zone = "refused-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        Guid id = await client.AddDomainAsync(zone);
        string path = $"/ui/domains/{id}/email";

        using (var unknown = await client.PostFormAsync(path, "email-setup", [new("record_type", "newsletters")]))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
            Assert.Contains("Choose what you send.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await AssertNothingPublishedAsync(zone);

        string tenLookups = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 10).Select(i => $"include:s{i}.example")) + " -all";
        using (var added = await client.PostFormAsync($"/ui/domains/{id}", "add-record",
            [new("record.type", "TXT"), new("record.name", "@"), new("record.ttl", "3600"), new("record.value", $"\"{tenLookups}\"")]))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using (var tooMany = await client.PostFormAsync(path, "email-setup", [new("record_type", "campaign")]))
        {
            string page = await tooMany.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
            Assert.Contains("Failed to set DNS records", page, StringComparison.Ordinal);
            Assert.Contains("10", page, StringComparison.Ordinal);
        }
        Assert.Equal([$"\"{tenLookups}\""], await Dig.ShortAsync(Meridian.DnsPort, zone, "TXT"));
        Assert.Empty(await Dig.ShortAsync(Meridian.DnsPort, "mcampaign._domainkey." + zone, "TXT"));
        Assert.Empty(await Dig.ShortAsync(Meridian.DnsPort, "_dmarc." + zone, "TXT"));
        var (_, history) = await client.GetAsync(path);
        Assert.Contains("failed", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_token_or_for_another_users_domain_publishes_nothing()
    {
        using var owner = await InterfaceClient.SignInAsync(Meridian, "email-owner-" + Guid.NewGuid().ToString("N")[..6]);
        using var stranger = await InterfaceClient.SignInAsync(Meridian, "email-stranger-" + Guid.NewGuid().ToString("N")[..6]);
        string zone = "guarded-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        Guid id = await owner.AddDomainAsync(zone);
        string path = $"/ui/domains/{id}/email";

        using (var forged = await owner.PostFormAsync(path, "email-setup", [new("record_type", "campaign")], withToken: false))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var (status, body) = await stranger.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain(zone, body, StringComparison.Ordinal);
        // With a valid token of its own, the stranger's post finds no such form on a page that is "not found" for it.
        using (var foreign = await stranger.PostFormAsync(path, "email-setup", [new("record_type", "campaign")], tokenFrom: "/ui/"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.DoesNotContain(zone, await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await AssertNothingPublishedAsync(zone);
    }

    private async Task AssertNothingPublishedAsync(string zone)
    {
        Assert.Empty(await Dig.ShortAsync(Meridian.DnsPort, zone, "TXT"));
        Assert.Empty(await Dig.ShortAsync(Meridian.DnsPort, "mcampaign._domainkey." + zone, "TXT"));
        Assert.Empty(await Dig.ShortAsync(Meridian.DnsPort, "_dmarc." + zone, "TXT"));
    }
}
