using Meridian.Client.Generator;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>The committed models are what the generator writes from the documents the server serves now: a change
/// to an API that was not carried into the SDK (sdk/dotnet/generate.sh) fails here.</summary>
[Collection(LiveCollection.Name)]
public sealed class GeneratedModelsTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task The_committed_generated_models_match_the_served_OpenAPI_documents()
    {
        using var http = new HttpClient { BaseAddress = Fixture.BaseUrl };
        var generated = Path.Combine(LiveFixture.RepositoryRoot, "src", "Meridian.Client", "Generated");
        foreach (var surface in SurfaceModels.All)
        {
            var expected = ModelWriter.Write(surface, await http.GetStringAsync($"/openapi/{surface.DocumentName}.json"));
            var committed = await File.ReadAllTextAsync(Path.Combine(generated, surface.FileName));
            Assert.True(expected == committed,
                $"src/Meridian.Client/Generated/{surface.FileName} differs from /openapi/{surface.DocumentName}.json: run sdk/dotnet/generate.sh");
        }
        Assert.Equal(
            SurfaceModels.All.Select(surface => surface.FileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(generated).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
