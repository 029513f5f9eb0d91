using System.Globalization;
using System.Text;
using System.Text.Json;
using Meridian.Web.Tests.Support;
using Microsoft.Playwright;

namespace Meridian.Web.Tests.Browser;

/// <summary>Measures (never asserts on time): first paint of the domain list and of a 1,000-record zone's records
/// page, the server's part (request sent to first byte, on loopback over HTTPS) and the page weight, from the
/// browser's own Navigation and Paint Timing entries. Writes test-results/ui-figures.md (bench/ui-figures.sh prints
/// it); the test itself checks only that the pages show what they should.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InterfaceFiguresTests(BrowserFixture fixture)
{
    private const int Rounds = 5;

    [Fact]
    public async Task Domain_list_and_a_1000_record_zone_are_measured()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(await fixture.Meridian.LoginUrlAsync("figures-" + Guid.NewGuid().ToString("N")[..6]));
        string zone = "figures-" + Guid.NewGuid().ToString("N")[..6] + ".example";
        await page.GetByLabel("Domain name").FillAsync(zone);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add domain" }).ClickAsync();
        string recordsUrl = page.Url;
        var file = new StringBuilder($"$ORIGIN {zone}.\n$TTL 3600\n");
        for (int i = 0; i < 1000; i++) file.Append(CultureInfo.InvariantCulture, $"host{i:D4} IN A 192.0.{i / 250}.{i % 250 + 1}\n");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import and export" }).ClickAsync();
        await page.Locator("#zone-file").SetInputFilesAsync(new FilePayload { Name = "big.zone", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(file.ToString()) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("Imported 1000 record(s)", new() { Timeout = 120_000 });

        var report = new StringBuilder("| page | first contentful paint (ms) | server: request to first byte (ms) | HTML (KB, uncompressed) | page weight with CSS and script (KB) |\n|---|---|---|---|---|\n");
        foreach (var (name, url) in new[] { ("domain list (1 domain)", new Uri(new Uri(recordsUrl), "/ui/").ToString()), ("records page of a 1,000-record zone (first 200 shown)", recordsUrl) })
        {
            var samples = new List<Sample>();
            for (int round = 0; round < Rounds + 1; round++)
            {
                await page.GotoAsync(url);
                var sample = await MeasureAsync(page);
                if (round > 0) samples.Add(sample); // the first load warms the server's code paths and the asset cache
            }
            if (url == recordsUrl)
            {
                Assert.Equal(200, await page.Locator("#records-table tbody.record-set").CountAsync());
                await Assertions.Expect(page.Locator("#records-heading")).ToContainTextAsync("(1000)");
            }
            report.Append(CultureInfo.InvariantCulture,
                $"| {name} | {Median(samples, s => s.Paint):F0} | {Median(samples, s => s.Server):F0} | {samples[0].HtmlBytes / 1024.0:F1} | {samples[0].TotalBytes / 1024.0:F1} |\n");
        }
        File.WriteAllText(Path.Combine(ResultsDirectory(), "ui-figures.md"), report.ToString());
    }

    private sealed record Sample(double Paint, double Server, double HtmlBytes, double TotalBytes);

    private static async Task<Sample> MeasureAsync(IPage page)
    {
        // Paint entries appear once the browser has painted; wait for the one that counts.
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('first-contentful-paint').length > 0");
        var json = await page.EvaluateAsync<JsonElement>("""
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const paint = performance.getEntriesByName('first-contentful-paint')[0];
              const resources = performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.decodedBodySize || 0), 0);
              return { paint: paint.startTime, server: nav.responseStart - nav.requestStart, html: nav.decodedBodySize, total: nav.decodedBodySize + resources };
            }
            """);
        return new Sample(json.GetProperty("paint").GetDouble(), json.GetProperty("server").GetDouble(), json.GetProperty("html").GetDouble(), json.GetProperty("total").GetDouble());
    }

    private static double Median(List<Sample> samples, Func<Sample, double> value)
    {
        var sorted = samples.Select(value).Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string ResultsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Meridian.sln"))) directory = directory.Parent;
        string path = Path.Combine(directory?.FullName ?? Path.GetTempPath(), "test-results");
        Directory.CreateDirectory(path);
        return path;
    }
}
