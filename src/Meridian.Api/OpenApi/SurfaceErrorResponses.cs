using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Surfaces;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>A surface's error responses as components of its document, one per status, that operations refer to.
/// The schema is the type the surface's error writer returns and each example is a body that writer rendered,
/// so the document shows exactly what the surface sends. The schema component requires the fields promised for
/// every status; a response that promises more (the Partner API's 401 and 403 carry <c>error</c>) says so itself.</summary>
internal sealed class SurfaceErrorResponses(SurfaceDocument surface, OpenApiDocument document, JsonSerializerOptions json)
{
    private const string JsonMediaType = "application/json";
    private static readonly int[] s_statuses = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500];

    public async Task<OpenApiResponseReference> ReferenceAsync(int status, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        string reason = ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal);
        string id = reason.Length > 0 ? reason : string.Create(CultureInfo.InvariantCulture, $"Status{status}");
        document.Components ??= new OpenApiComponents();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        if (!document.Components.Responses.ContainsKey(id))
        {
            var schema = await SchemaAsync(context, cancellationToken);
            var response = new OpenApiResponse
            {
                Description = Describe(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [JsonMediaType] = new() { Schema = SchemaFor(status, schema), Example = SampleBody(status) },
                },
            };
            if (status == StatusCodes.Status429TooManyRequests)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds until the exhausted window lets this key call again.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                };
            }
            document.AddComponent<IOpenApiResponse>(id, response);
        }
        return new OpenApiResponseReference(id, document);
    }

    private async Task<IOpenApiSchema> SchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var type = surface.Surface.Body(StatusCodes.Status400BadRequest, [Sample(StatusCodes.Status400BadRequest)]).GetType();
        var (schema, added) = await ComponentSchemas.GetOrAddAsync(context, type, cancellationToken);
        if (added is not null) added.Required = new HashSet<string>(AlwaysRequired());
        return schema;
    }

    private IOpenApiSchema SchemaFor(int status, IOpenApiSchema errorSchema)
    {
        var always = AlwaysRequired();
        var more = RequiredFields(status).Where(field => !always.Contains(field)).ToHashSet();
        return more.Count == 0 ? errorSchema : new OpenApiSchema { AllOf = [errorSchema], Required = more };
    }

    private IReadOnlyList<string> RequiredFields(int status) =>
        surface.RequiredErrorFields?.Invoke(status) ?? [.. SampleBody(status).Select(property => property.Key)];

    private IReadOnlyList<string> AlwaysRequired() =>
        s_statuses.Select(RequiredFields).Aggregate((all, next) => [.. all.Intersect(next)]);

    private JsonObject SampleBody(int status)
    {
        Problem[] problems = status == StatusCodes.Status422UnprocessableEntity
            ?
            [
                new Problem("value", "invalid", "value: '192.0.2.300' is not an IPv4 address"),
                new Problem("ttl", "invalid", "TTL -5 is out of range (1-604800 seconds)"),
            ]
            : [Sample(status)];
        return JsonSerializer.SerializeToNode(surface.Surface.Body(status, problems), json)!.AsObject();
    }

    private Problem Sample(int status) => new(null, ApiSurface.CodeOf(status), status switch
    {
        StatusCodes.Status400BadRequest => "Invalid request body: not valid JSON",
        StatusCodes.Status401Unauthorized => surface.Surface.Unauthenticated(AuthFailure.Invalid),
        StatusCodes.Status403Forbidden => surface.Surface.Forbidden(suspended: false),
        StatusCodes.Status404NotFound => "Domain not found",
        StatusCodes.Status409Conflict => "Domain example.com. already exists",
        StatusCodes.Status413PayloadTooLarge => "Request body is too large",
        StatusCodes.Status415UnsupportedMediaType => "Request body must be JSON (Content-Type: application/json)",
        StatusCodes.Status429TooManyRequests => "Rate limit exceeded",
        StatusCodes.Status502BadGateway => "The DNS provider refused the change: Authentication failed; nothing was changed.",
        _ => "internal server error",
    });

    private string Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest when surface.Surface.StatusOf(ServiceErrorKind.Validation) == status =>
            "The request is malformed (not JSON, a field of the wrong type) or its values are invalid.",
        StatusCodes.Status400BadRequest => "The request could not be read: malformed JSON, a field of the wrong type, an unknown field or an invalid parameter.",
        StatusCodes.Status401Unauthorized => "No API key, an unknown or revoked key, or a key of the other environment.",
        StatusCodes.Status403Forbidden => "The key lacks the scope this call needs, the account is suspended, or its domain limit is reached.",
        StatusCodes.Status404NotFound => "No such object for this key (another account's objects are not found either).",
        StatusCodes.Status409Conflict => "The change conflicts with what exists (a domain hosted already, a duplicate record).",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "The request body is not labelled Content-Type: application/json.",
        StatusCodes.Status422UnprocessableEntity => "Validation failed; every problem found is listed.",
        StatusCodes.Status429TooManyRequests => "The key's request budget is spent; retry after the seconds in Retry-After.",
        StatusCodes.Status500InternalServerError => "An unexpected server error (the details are in the server's log, not the answer).",
        StatusCodes.Status502BadGateway => "The remote DNS provider refused or failed the call; nothing was changed.",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };
}
