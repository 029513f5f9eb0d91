using Meridian.Api.OpenApi;
using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>Every served document, JSON and YAML, passes Redocly's CLI (the pinned version, its recommended rules)
/// with no error. Without the CLI the test fails: it is installed by scripts/install-redocly.sh.</summary>
[Collection(OpenApiDocumentsCollection.Name)]
public sealed class RedoclyLintTests(SqliteApiHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-openapi-lint-" + Guid.NewGuid().ToString("N")[..12]);

    public static TheoryData<string> Documents => [.. SurfaceDocuments.All.Select(d => d.Name)];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return host.StartAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Redocly_lint_finds_no_error_in_the_served_document(string name)
    {
        using var anonymous = host.Anonymous();
        var files = new List<string>();
        foreach (string extension in new[] { "json", "yml" })
        {
            var served = await anonymous.GetAsync($"/openapi/{name}.{extension}");
            Assert.Equal(200, served.Status);
            string file = Path.Combine(_directory, $"{name}.{extension}");
            await File.WriteAllTextAsync(file, served.Body);
            files.Add(file);
        }

        var (exitCode, lint) = await RedoclyCli.LintAsync(files);

        output.WriteLine(lint);
        Assert.True(exitCode == 0, $"redocly lint {string.Join(' ', files.Select(Path.GetFileName))} exited {exitCode}:\n{lint}");
        Assert.DoesNotContain(" error ", lint, StringComparison.Ordinal);
    }
}
