using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Registers and serves one OpenAPI 3.0 document per surface of <see cref="SurfaceDocuments.All"/>,
/// generated from the surface's endpoints, at <c>/openapi/{surface}.json</c> and <c>.yml</c>, and the Swagger UI
/// at <c>/docs</c> listing them all. None of these needs a key.</summary>
public static class MeridianOpenApi
{
    /// <summary>The OpenAPI version of every document (the one the Partner API's spec names).</summary>
    public const OpenApiSpecVersion Version = OpenApiSpecVersion.OpenApi3_0;

    public const string SwaggerUiPath = "docs";

    public static IServiceCollection AddMeridianOpenApi(this IServiceCollection services)
    {
        services.AddOptions<OpenApiServerOptions>().Configure<IConfiguration>((options, configuration) =>
            options.SandboxPublicUrl = configuration[OpenApiServerOptions.SandboxPublicUrlKey]);
        foreach (var surface in SurfaceDocuments.All)
        {
            services.AddOpenApi(surface.Name, options =>
            {
                options.OpenApiVersion = Version;
                // Only the surface's own endpoints: the default would also take every endpoint without a group.
                options.ShouldInclude = description => description.GroupName == surface.Name;
                options.AddDocumentTransformer(new DocumentInfoTransformer(surface));
                options.AddDocumentTransformer(new DocumentServersTransformer(surface));
                options.AddDocumentTransformer<BearerSecurityTransformer>();
                options.AddOperationTransformer<BearerSecurityTransformer>();
                options.AddOperationTransformer<DocumentedRequestBodyTransformer>();
                options.AddOperationTransformer<DocumentedQueryParameterTransformer>();
                options.AddOperationTransformer(new SurfaceErrorResponsesTransformer(surface));
                options.AddOperationTransformer<PartnerExamplesTransformer>();
                options.AddSchemaTransformer<RequiredPropertiesTransformer>();
            });
        }
        return services;
    }

    public static WebApplication MapMeridianOpenApi(this WebApplication app)
    {
        app.MapOpenApiDocuments();
        // Only requests under /docs pass through the UI's middleware: every other request would pay for its path check.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/" + SwaggerUiPath), docs => docs.UseSwaggerUI(options =>
        {
            options.RoutePrefix = SwaggerUiPath;
            options.DocumentTitle = "Meridian API documentation";
            foreach (var surface in SurfaceDocuments.All) options.SwaggerEndpoint(surface.JsonPath, surface.Title);
            // The default validator badge sends every document to an outside service; deployments may be offline.
            options.EnableValidator(null);
            options.EnableTryItOutByDefault();
            options.DisplayRequestDuration();
        }));
        return app;
    }
}
