using System.Text.Json;
using Meridian.Web.Tests.Support;
using Microsoft.Playwright;

namespace Meridian.Web.Tests.Browser;

/// <summary>The central test: a partner's page on another origin embeds the login_url in an iframe; inside the frame a
/// user adds a domain, creates, edits and deletes records and imports a zone file; the partner's page receives the
/// postMessage events; <c>dig</c> against Meridian's DNS listener sees exactly the result.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbeddedInterfaceTests(BrowserFixture fixture)
{
    private const float Timeout = 60_000; // the shared machine can be slow; these are waits, not timing assertions

    [Fact]
    public async Task A_user_manages_a_domain_inside_the_partners_iframe_and_dig_sees_the_result()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(fixture.Host.AllowedOrigin + "/?user=frame-user");
        var frame = page.FrameLocator("#dns");

        // Add a domain.
        string zone = "framed-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        await frame.GetByLabel("Domain name").FillAsync(zone);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Name = zone, Exact = true })).ToBeVisibleAsync(new() { Timeout = Timeout });
        // The delegation check asks Meridian's own DNS listener, which answers with Meridian's nameservers.
        await Assertions.Expect(frame.Locator("#delegation-status")).ToContainTextAsync("Delegated", new() { Timeout = Timeout });

        // Create an A record and an MX record.
        await frame.Locator("#new-name").FillAsync("www");
        await frame.Locator("#new-value").FillAsync("192.0.2.10");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#records-table")).ToContainTextAsync("192.0.2.10", new() { Timeout = Timeout });
        await frame.Locator("#new-type").SelectOptionAsync("MX");
        await frame.Locator("#new-name").FillAsync("@");
        await frame.Locator("#new-mx-priority").FillAsync("10");
        await frame.Locator("#new-mx-host").FillAsync("mail." + zone);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#records-table")).ToContainTextAsync($"10 mail.{zone}.", new() { Timeout = Timeout });

        // A bad value is refused with the service's message under the field, and nothing is written.
        await frame.Locator("#new-name").FillAsync("bad");
        await frame.Locator("#new-value").FillAsync("192.0.2.300");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#new-value-error")).ToContainTextAsync("Invalid A value", new() { Timeout = Timeout });

        // Edit the A record.
        await frame.GetByRole(AriaRole.Link, new() { Name = "Edit www A 192.0.2.10" }).ClickAsync();
        await frame.Locator("#edit-value").FillAsync("192.0.2.20");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#records-table")).ToContainTextAsync("192.0.2.20", new() { Timeout = Timeout });

        // Delete the MX record.
        await frame.GetByRole(AriaRole.Link, new() { Name = $"Delete @ MX 10 mail.{zone}." }).ClickAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "Delete record" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#last-change")).ToContainTextAsync("Deleted", new() { Timeout = Timeout });
        await Assertions.Expect(frame.Locator("#records-table")).Not.ToContainTextAsync(" MX ", new() { Timeout = Timeout });

        // Import a zone file: two records are taken, a CNAME beside www's A is refused and reported.
        await frame.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await frame.Locator("#zone-file").SetInputFilesAsync(new FilePayload
        {
            Name = "zone.txt", MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"$ORIGIN {zone}.\n$TTL 600\napi IN A 192.0.2.30\n@ IN TXT \"v=spf1 -all\"\nwww IN CNAME elsewhere.example.\n"),
        });
        await frame.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#import-report")).ToContainTextAsync("Imported 2 record(s)", new() { Timeout = Timeout });
        await Assertions.Expect(frame.Locator("#refused")).ToContainTextAsync("CNAME", new() { Timeout = Timeout });

        // The partner's page heard the frame: ready, its height, and each change.
        var messages = await MessagesAsync(page);
        Assert.Contains(messages, m => m.Type == "meridian:ready");
        Assert.Contains(messages, m => m.Type == "meridian:resize" && m.Height > 0);
        var changes = messages.Where(m => m.Type == "meridian:changed").Select(m => m.Change).ToList();
        Assert.Equal(["domain.created", "record.created", "record.created", "record.updated", "record.deleted", "zone.imported"], changes);

        // DNS answers exactly what was left.
        Assert.Equal(["192.0.2.20"], await Dig.ShortAsync(fixture.Meridian.DnsPort, "www." + zone, "A"));
        Assert.Empty(await Dig.ShortAsync(fixture.Meridian.DnsPort, zone, "MX"));
        Assert.Equal(["192.0.2.30"], await Dig.ShortAsync(fixture.Meridian.DnsPort, "api." + zone, "A"));
        Assert.Equal(["\"v=spf1 -all\""], await Dig.ShortAsync(fixture.Meridian.DnsPort, zone, "TXT"));
        Assert.Empty(await Dig.ShortAsync(fixture.Meridian.DnsPort, "bad." + zone, "A"));
        Assert.Equal(MeridianUnderTest.Nameservers, await Dig.ShortAsync(fixture.Meridian.DnsPort, zone, "NS"));
    }

    [Fact]
    public async Task An_origin_the_partner_did_not_allow_cannot_frame_the_interface()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(fixture.Host.OtherOrigin + "/?user=other-origin-user");
        await page.WaitForFunctionAsync("() => window.frameLoaded === true", null, new() { Timeout = Timeout });

        var child = page.Frames.Single(f => f != page.MainFrame);
        Assert.Equal(0, await child.Locator("#domain-name").CountAsync());
        Assert.Empty(await MessagesAsync(page));
    }

    [Fact]
    public async Task Undo_takes_back_the_last_change()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(fixture.Host.AllowedOrigin + "/?user=undo-user");
        var frame = page.FrameLocator("#dns");
        string zone = "undo-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        await frame.GetByLabel("Domain name").FillAsync(zone);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        await frame.Locator("#new-name").FillAsync("keep");
        await frame.Locator("#new-value").FillAsync("192.0.2.40");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await frame.GetByRole(AriaRole.Link, new() { Name = "Delete keep A 192.0.2.40" }).ClickAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "Delete record" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#last-change")).ToContainTextAsync("Deleted", new() { Timeout = Timeout });
        Assert.Empty(await Dig.ShortAsync(fixture.Meridian.DnsPort, "keep." + zone, "A"));

        await frame.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#last-change")).ToContainTextAsync("Undone", new() { Timeout = Timeout });
        Assert.Equal(["192.0.2.40"], await Dig.ShortAsync(fixture.Meridian.DnsPort, "keep." + zone, "A"));
    }

    [Fact]
    public async Task Email_setup_publishes_spf_dkim_and_dmarc_in_one_click_and_keeps_an_existing_dmarc_policy()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(fixture.Host.AllowedOrigin + "/?user=email-user");
        var frame = page.FrameLocator("#dns");
        string zone = "mail-" + Guid.NewGuid().ToString("N")[..8] + ".example";
        await frame.GetByLabel("Domain name").FillAsync(zone);
        await frame.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        // The domain already has an SPF record (merged, not replaced) and a DMARC policy of its own (kept).
        await frame.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await frame.Locator("#zone-file").SetInputFilesAsync(new FilePayload
        {
            Name = "zone.txt", MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"$ORIGIN {zone}.\n$TTL 600\n@ IN TXT \"v=spf1 mx -all\"\n_dmarc IN TXT \"v=DMARC1; p=reject\"\n"),
        });
        await frame.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#import-report")).ToContainTextAsync("Imported 2 record(s)", new() { Timeout = Timeout });

        await frame.GetByRole(AriaRole.Link, new() { Name = "Email setup" }).ClickAsync();
        await frame.GetByLabel("Email gateway (transactional mail, with a bounce address)").CheckAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "Publish email records" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#email-written")).ToContainTextAsync("mgateway._domainkey", new() { Timeout = Timeout });
        await Assertions.Expect(frame.Locator("#email-warnings")).ToContainTextAsync("An existing DMARC policy", new() { Timeout = Timeout });

        string spf = "\"v=spf1 mx include:_spf.gateway.meridian.invalid -all\"";
        Assert.Equal([spf], await Dig.ShortAsync(fixture.Meridian.DnsPort, zone, "TXT"));
        var dkim = Assert.Single(await Dig.ShortAsync(fixture.Meridian.DnsPort, "mgateway._domainkey." + zone, "TXT"));
        Assert.StartsWith("\"v=DKIM1; k=rsa; p=MII", dkim, StringComparison.Ordinal);
        Assert.Equal(["\"v=DMARC1; p=reject\""], await Dig.ShortAsync(fixture.Meridian.DnsPort, "_dmarc." + zone, "TXT"));
        Assert.Equal(["bounces.gateway.meridian.invalid."], await Dig.ShortAsync(fixture.Meridian.DnsPort, "bounce." + zone, "CNAME"));

        // A second click finds everything in place and writes nothing (so the frame hears no second change).
        await frame.GetByRole(AriaRole.Button, new() { Name = "Publish email records" }).ClickAsync();
        await Assertions.Expect(frame.Locator("#email-report")).ToContainTextAsync("nothing was written", new() { Timeout = Timeout });
        Assert.Equal([spf], await Dig.ShortAsync(fixture.Meridian.DnsPort, zone, "TXT"));
        await Assertions.Expect(frame.Locator("#email-history li")).ToHaveCountAsync(2, new() { Timeout = Timeout });

        var changes = (await MessagesAsync(page)).Where(m => m.Type == "meridian:changed").Select(m => m.Change).ToList();
        Assert.Equal(["domain.created", "zone.imported", "email.published"], changes);
    }

    private sealed record FrameMessage(string Type, double Height, string? Change);

    private static async Task<List<FrameMessage>> MessagesAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("() => window.meridianMessages");
        return [.. json.EnumerateArray().Select(m => new FrameMessage(
            m.GetProperty("type").GetString()!,
            m.TryGetProperty("height", out var h) ? h.GetDouble() : 0,
            m.TryGetProperty("change", out var c) ? c.GetString() : null))];
    }
}
