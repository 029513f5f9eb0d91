using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Gives a surface's document its title, version and description.</summary>
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
        return Task.CompletedTask;
    }
}
