using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Gives an operation the request body its endpoint declares with <see cref="DocumentedRequestBody"/>.</summary>
internal sealed class DocumentedRequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedRequestBody>().LastOrDefault() is not { } body) return;
        var (schema, _) = await ComponentSchemas.GetOrAddAsync(context, body.Type, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } },
        };
    }
}
