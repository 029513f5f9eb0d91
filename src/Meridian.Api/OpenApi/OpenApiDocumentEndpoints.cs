using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Serves each surface's document as JSON (<c>/openapi/{surface}.json</c>) and YAML
/// (<c>/openapi/{surface}.yml</c>, <c>application/yaml</c>, RFC 9512). The framework's own <c>MapOpenApi</c> labels
/// YAML <c>text/plain+yaml</c>, which tools that pick a parser by media type do not recognise.</summary>
internal static class OpenApiDocumentEndpoints
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string YamlContentType = "application/yaml; charset=utf-8";

    public static void MapOpenApiDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/openapi/{document}.json", (string document, HttpContext http) => WriteAsync(document, json: true, http))
            .WithName("OpenApiJson").ExcludeFromDescription().AllowAnonymous();
        routes.MapGet("/openapi/{document}.yml", (string document, HttpContext http) => WriteAsync(document, json: false, http))
            .WithName("OpenApiYaml").ExcludeFromDescription().AllowAnonymous();
    }

    private static async Task<IResult> WriteAsync(string name, bool json, HttpContext http)
    {
        // Only the documented surfaces: the name is never used to look up anything else.
        var surface = SurfaceDocuments.All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
        if (surface is null) return TypedResults.NotFound();
        var provider = http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(surface.Name);
        var document = await provider.GetOpenApiDocumentAsync(http.RequestAborted);
        using var buffer = new MemoryStream();
        if (json) await document.SerializeAsJsonAsync(buffer, MeridianOpenApi.Version, http.RequestAborted);
        else await document.SerializeAsYamlAsync(buffer, MeridianOpenApi.Version, http.RequestAborted);
        return TypedResults.Bytes(buffer.ToArray(), json ? JsonContentType : YamlContentType);
    }
}
