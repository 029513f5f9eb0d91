using System.Text.RegularExpressions;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>The Swagger UI at /docs: served by this server with its own assets (no outside address), listing the
/// document of every surface that has endpoints, with "Try it out" on.</summary>
[Collection(OpenApiDocumentsCollection.Name)]
public sealed partial class SwaggerUiTests(SqliteApiHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Docs_page_lists_the_document_of_every_surface_and_serves_its_own_assets()
    {
        using var anonymous = host.Anonymous();
        // /docs sends the browser to the page itself (whether this client follows redirects or not).
        using (var entry = await anonymous.Http.GetAsync("/docs"))
        {
            var landing = (int)entry.StatusCode is >= 300 and < 400 ? new Uri(entry.RequestMessage!.RequestUri!, entry.Headers.Location!) : entry.RequestMessage!.RequestUri!;
            Assert.Equal("/docs/index.html", landing.AbsolutePath);
        }
        var page = await anonymous.GetAsync("/docs/index.html");
        Assert.Equal(200, page.Status);
        Assert.Equal("text/html", page.ContentType?.MediaType);
        Assert.Contains("swagger-ui", page.Body, StringComparison.Ordinal);

        var assets = Assets().Matches(page.Body).Select(m => m.Groups["url"].Value).ToList();
        Assert.Contains(assets, a => a.EndsWith("swagger-ui-bundle.js", StringComparison.Ordinal));
        string configuration = "";
        foreach (string asset in assets)
        {
            Assert.False(asset.Contains("//", StringComparison.Ordinal), $"{asset} is not served by Meridian");
            var served = await anonymous.GetAsync("/docs/" + asset.TrimStart('.', '/'));
            Assert.True(served.Status == 200, $"{asset}: {served.Status}");
            if (asset.EndsWith("index.js", StringComparison.Ordinal)) configuration = served.Body;
        }

        var listed = DocumentUrls().Matches(configuration).Select(m => m.Groups["url"].Value).ToList();
        Assert.Equal(SurfaceEndpoints.Surfaces(host).Select(s => $"/openapi/{s}.json"), listed.Order(StringComparer.Ordinal));
        foreach (string url in listed) Assert.Equal(200, (await anonymous.GetAsync(url)).Status);
        Assert.Contains("\"tryItOutEnabled\":true", configuration, StringComparison.Ordinal);
        Assert.DoesNotContain("validator.swagger.io", configuration, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:src|href)=""(?<url>[^""]+)""")]
    private static partial Regex Assets();

    [GeneratedRegex("""\{"url":"(?<url>/openapi/[^"]+)","name":"[^"]+"\}""")]
    private static partial Regex DocumentUrls();
}
