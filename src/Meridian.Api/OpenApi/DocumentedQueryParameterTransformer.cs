using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Adds to an operation the query parameters its endpoint declares with <see cref="DocumentedQueryParameter"/>.</summary>
internal sealed class DocumentedQueryParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedQueryParameter>())
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == parameter.Name)) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = parameter.Required,
                Description = parameter.Description,
                Schema = new OpenApiSchema { Type = parameter.Integer ? JsonSchemaType.Integer : JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
