using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Gives a surface's document its title, version and description, and its tag the description's first paragraph.</summary>
internal sealed class DocumentInfoTransformer(SurfaceDocument surface) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = surface.Title,
            Version = surface.Version,
            Description = surface.Description,
        };
        // The endpoints tag their operations with the surface's name; the tag says what the surface is for.
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>()) tag.Description ??= surface.Description.Split("\n\n")[0].ReplaceLineEndings(" ");
        return Task.CompletedTask;
    }
}
