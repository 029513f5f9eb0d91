using Microsoft.Playwright;

namespace Meridian.Web.Tests.Support;

/// <summary>Meridian, a partner's host site and headless Debian chromium (driven by Playwright through
/// <c>ExecutablePath</c>; no browser is downloaded), shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MeridianUnderTest Meridian { get; private set; } = null!;

    public PartnerHostSite Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} not found: the browser tests need Debian's chromium package (./test.sh installs it)");
        Meridian = await MeridianUnderTest.StartAsync();
        Host = await PartnerHostSite.StartAsync(Meridian);
        await Meridian.Get<Platform.Services.InterfaceSettingsService>().SetFrameOriginsAsync(Meridian.Partner.Id, [Host.AllowedOrigin]);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            // The throw-away certificate is trusted by no one; the sandbox needs privileges a test runner may lack.
            Args = ["--ignore-certificate-errors", "--no-sandbox"],
        });
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, ViewportSize = new ViewportSize { Width = width, Height = height } });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (Meridian is not null) await Meridian.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
