using System.Globalization;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Documents every refusal an operation can meet, in its surface's own error shape (see
/// <see cref="SurfaceErrorResponses"/>). Which statuses follow from the operation: 401/403 where it requires
/// authorization; 400 and the surface's validation status where it takes a body or query parameters; 404, and the
/// surface's status for a malformed id, where its path names an object; 413 where it takes a body and 415 where the
/// framework binds that body; 429 on rate-limited surfaces; 500 always; and any error status its endpoint declares
/// itself with <c>Produces(status)</c>.</summary>
internal sealed class SurfaceErrorResponsesTransformer(SurfaceDocument surface) : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var responses = new SurfaceErrorResponses(surface, context.Document!, json);
        var statuses = ErrorStatuses(operation, context);
        operation.Responses ??= [];
        foreach (int status in statuses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = await responses.ReferenceAsync(status, context, cancellationToken);
        }
    }

    private SortedSet<int> ErrorStatuses(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var statuses = new SortedSet<int> { StatusCodes.Status500InternalServerError };
        if (BearerSecurityTransformer.RequiresAuthorization(context))
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            statuses.Add(StatusCodes.Status403Forbidden);
        }
        bool takesBody = operation.RequestBody is not null;
        if (takesBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
            statuses.Add(surface.Surface.StatusOf(ServiceErrorKind.Validation));
        }
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
        {
            statuses.Add(StatusCodes.Status404NotFound);
            statuses.Add(surface.MalformedIdStatus);
        }
        if (takesBody) statuses.Add(StatusCodes.Status413PayloadTooLarge);
        // A body the framework binds must be labelled JSON; a body read by hand is taken whatever its label.
        if (context.Description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body)) statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        if (surface.RateLimited) statuses.Add(StatusCodes.Status429TooManyRequests);
        foreach (string declared in operation.Responses?.Keys ?? Enumerable.Empty<string>())
        {
            if (int.TryParse(declared, CultureInfo.InvariantCulture, out int status) && status >= 400) statuses.Add(status);
        }
        return statuses;
    }
}
