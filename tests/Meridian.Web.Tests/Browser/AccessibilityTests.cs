using Deque.AxeCore.Playwright;
using Meridian.Web.Tests.Support;
using Microsoft.Playwright;

namespace Meridian.Web.Tests.Browser;

/// <summary>Every page of the interface and the dashboard, at 1280 and 360 px wide and in light and dark: axe-core
/// finds no serious or critical violation, nothing is wider than the viewport, and a screenshot of each is saved
/// under test-results/ (not committed).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private const float Timeout = 60_000;

    public static TheoryData<int, string> Views => new() { { 1280, "light" }, { 360, "light" }, { 1280, "dark" }, { 360, "dark" } };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_interface_page_passes_axe_and_fits_the_width(int width, string scheme)
    {
        await using var context = await NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var problems = new List<string>();

        string loginUrl = await fixture.Meridian.LoginUrlAsync($"a11y-{width}-{scheme}");
        await page.GotoAsync(loginUrl);
        await CheckAsync(page, "interface-domains-empty", width, scheme, problems);

        string zone = $"a11y-{width}-{scheme}-{Guid.NewGuid().ToString("N")[..6]}.example";
        await page.GetByLabel("Domain name").FillAsync(zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        await page.Locator("#new-name").FillAsync("www");
        await page.Locator("#new-value").FillAsync("192.0.2.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await page.Locator("#new-type").SelectOptionAsync("MX");
        await page.Locator("#new-name").FillAsync("@");
        await page.Locator("#new-mx-host").FillAsync("mail." + zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await page.Locator("#records-table").WaitForAsync();
        await CheckAsync(page, "interface-records", width, scheme, problems);

        // The same form with every kind of message showing.
        await page.Locator("#new-type").SelectOptionAsync("A");
        await page.Locator("#new-name").FillAsync("bad name!");
        await page.Locator("#new-ttl").FillAsync("0");
        await page.Locator("#new-value").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add record" }).ClickAsync();
        await page.Locator(".field-error").First.WaitForAsync();
        await CheckAsync(page, "interface-records-errors", width, scheme, problems);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit www A 192.0.2.1" }).ClickAsync();
        await CheckAsync(page, "interface-edit-record", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Delete www A 192.0.2.1" }).ClickAsync();
        await CheckAsync(page, "interface-delete-record", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await page.Locator("#zone-file").SetInputFilesAsync(new FilePayload
        {
            Name = "zone.txt", MimeType = "text/plain",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"$ORIGIN {zone}.\napi 600 IN A 192.0.2.5\nwww 600 IN CNAME elsewhere.example.\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await page.Locator("#import-report").WaitForAsync();
        await CheckAsync(page, "interface-import", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Email setup" }).ClickAsync();
        await CheckAsync(page, "interface-email-setup", width, scheme, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish email records" }).ClickAsync();
        await page.Locator("#email-report").WaitForAsync();
        await CheckAsync(page, "interface-email-published", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await CheckAsync(page, "interface-history", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Remove" }).ClickAsync();
        await CheckAsync(page, "interface-remove-domain", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "All domains" }).ClickAsync();
        await CheckAsync(page, "interface-domains", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await CheckAsync(page, "interface-sign-out", width, scheme, problems);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your session has ended" }).WaitForAsync();
        await CheckAsync(page, "interface-session-ended", width, scheme, problems);
        await page.GotoAsync(loginUrl);
        await CheckAsync(page, "interface-link-used", width, scheme, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_dashboard_page_passes_axe_and_fits_the_width(int width, string scheme)
    {
        var meridian = fixture.Meridian;
        string name = $"a11y-dash-{width}-{scheme}-{Guid.NewGuid().ToString("N")[..6]}";
        var account = (await meridian.Get<Platform.Services.AccountService>().CreateAsync(Platform.Model.AccountKind.Partner, name, name + "@partners.test")).Value!;
        await meridian.Get<Platform.Services.AccountPasswordService>().SetAsync(account.Id, "a long enough password");
        await using var context = await NewContextAsync(width, scheme);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var problems = new List<string>();

        await page.GotoAsync(new Uri(meridian.HttpsUrl, "/partner").ToString());
        await CheckAsync(page, "dashboard-sign-in", width, scheme, problems);
        await page.GetByLabel("Email").FillAsync(account.Email!);
        await page.GetByLabel("Password").FillAsync("a long enough password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("production server");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await page.Locator("#new-token").WaitForAsync();
        await CheckAsync(page, "dashboard-keys", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Revoke production server" }).ClickAsync();
        await CheckAsync(page, "dashboard-revoke-key", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Interface settings" }).ClickAsync();
        await page.GetByLabel("Accent colour (#RRGGBB)").FillAsync("blue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save branding" }).ClickAsync();
        await page.Locator(".field-error").First.WaitForAsync();
        await CheckAsync(page, "dashboard-settings", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await CheckAsync(page, "dashboard-users", width, scheme, problems);
        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await CheckAsync(page, "dashboard-audit", width, scheme, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<IBrowserContext> NewContextAsync(int width, string scheme) =>
        await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = true, ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });

    private static async Task CheckAsync(IPage page, string name, int width, string scheme, List<string> problems)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ResultsDirectory, $"{name}-{width}-{scheme}.png"), FullPage = true });
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            problems.Add($"{name} at {width} px ({scheme}): {violation.Impact} {violation.Id}: {violation.Help} — {string.Join(" | ", violation.Nodes.Select(n => n.Html))}");
        // Responsive: nothing scrolls sideways (wide tables scroll inside their own box).
        int overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0) problems.Add($"{name} at {width} px ({scheme}): the page is {overflow} px wider than the viewport");
    }

    /// <summary>test-results/ at the repository's root (ignored by git).</summary>
    private static string ResultsDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Meridian.sln"))) directory = directory.Parent;
            string path = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "test-results");
            Directory.CreateDirectory(path);
            return path;
        }
    }
}
