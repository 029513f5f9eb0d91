using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>The API-key scheme (<c>Authorization: Bearer &lt;key&gt;</c>) in the document's components, and as the
/// requirement of every operation whose endpoint requires authorization, so the Swagger UI's Authorize button
/// sends the key with those calls.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            // The Simple API's bearer is the original dns-api's token, not a key.
            BearerFormat = context.DocumentName == "simple-api" ? "JWT" : "API key",
            Description = context.DocumentName == "simple-api"
                ? "A token printed by `meridian token create --user NAME`, sent as `Authorization: Bearer <token>`."
                : "An API key, sent as `Authorization: Bearer <key>`. Production keys start `mk_live_`, sandbox keys `mk_test_`.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!RequiresAuthorization(context)) return Task.CompletedTask;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        return Task.CompletedTask;
    }

    public static bool RequiresAuthorization(OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }
}
