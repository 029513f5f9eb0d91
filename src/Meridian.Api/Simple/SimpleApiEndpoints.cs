using System.Globalization;
using System.Text.Json;
using Meridian.Api.Idempotency;
using Meridian.Api.OpenApi;
using Meridian.Api.Surfaces;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Simple;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Simple;

/// <summary>The Simple API's endpoints, the original dns-api's paths: each maps the request (path, or a JSON body read
/// whatever its Content-Type) to <see cref="ISimpleApiBackend"/> and the result to the original's envelope. The spec's
/// examples send <c>POST /whoami</c> and <c>POST /records/{id}</c> for the PATCH: both are aliases.</summary>
public static class SimpleApiEndpoints
{
    /// <summary>Largest body read (a record is a few dozen bytes).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public const int DefaultPageSize = 30;
    public const int MinPageSize = 10;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapSimpleApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var surface = routes.MapSurface(SimpleSurface.Instance).WithTags("Simple API");
        // The health check needs no token (the original's); it is not part of the document, whose operations all need one.
        surface.MapGet("/", Health).AllowAnonymous().ExcludeFromDescription();

        var api = surface.MapGroup("").RequireAuthorization(SimpleApiServiceCollectionExtensions.Policy).AcceptIdempotencyKeys();
        api.MapGet("/whoami", WhoAmI).WithName("SimpleWhoAmI").WithSummary("The user the token names")
            .Produces<SimpleResourceEnvelope>();
        api.MapPost("/whoami", WhoAmI).WithName("SimpleWhoAmIPost").WithSummary("The user the token names (the spec's example sends POST)")
            .Produces<SimpleResourceEnvelope>();
        api.MapGet("/domains", Domains).WithName("SimpleDomains").WithSummary("The domains you may manage and the blacklisted subdomains")
            .Produces<SimpleResourceListEnvelope>();
        api.MapGet("/records", ListRecords).WithName("SimpleListRecords")
            .WithSummary("Your records, newest first")
            .WithDescription("Paged with `page[number]` (from 1, default 1) and `page[size]` (10-100, default 30); `meta.pagination` says which page.")
            .Produces<SimpleRecordListEnvelope>().Produces(StatusCodes.Status400BadRequest);
        api.MapPost("/records", CreateRecord).WithName("SimpleCreateRecord").WithSummary("Create a record")
            .WithDescription("409 when the domain_type/domain/subdomain already has one. The body is read as JSON whatever its Content-Type.")
            .DocumentsBody<SimpleRecordBody>().Produces<SimpleRecordEnvelope>().Produces(StatusCodes.Status409Conflict);
        api.MapGet("/records/{id}", GetRecord).WithName("SimpleGetRecord").WithSummary("One record")
            .Produces<SimpleRecordEnvelope>();
        api.MapMethods("/records/{id}", [HttpMethods.Patch], Retarget).WithName("SimpleUpdateRecord").WithSummary("Point a record somewhere else")
            .DocumentsBody<SimpleRetargetBody>().Produces<SimpleRecordEnvelope>().Produces(StatusCodes.Status409Conflict);
        api.MapPost("/records/{id}", Retarget).WithName("SimpleUpdateRecordPost").WithSummary("Point a record somewhere else (the spec's example sends POST)")
            .DocumentsBody<SimpleRetargetBody>().Produces<SimpleRecordEnvelope>().Produces(StatusCodes.Status409Conflict);
        api.MapDelete("/records/{id}", DeleteRecord).WithName("SimpleDeleteRecord").WithSummary("Delete a record")
            .Produces<SimpleRecordEnvelope>();
        api.MapPost("/records/{domain_type}/{domain}/{subdomain}/{to}", Upsert).WithName("SimpleUpsertRecord")
            .WithSummary("Create or update the record this path names (no body)")
            .Produces<SimpleRecordEnvelope>().Produces(StatusCodes.Status409Conflict);
        api.MapDelete("/records/{domain_type}/{domain}/{subdomain}", DeleteByPath).WithName("SimpleDeleteRecordByPath")
            .WithSummary("Delete the record this path names").Produces<SimpleRecordEnvelope>();
        return routes;
    }

    private static JsonHttpResult<SimpleResourceEnvelope> Health() => TypedResults.Json(new SimpleResourceEnvelope(new SimpleResource("ok", "healthcheck"), Ok200));

    private static JsonHttpResult<SimpleResourceEnvelope> WhoAmI(HttpContext http) =>
        TypedResults.Json(new SimpleResourceEnvelope(new SimpleResource(Caller(http).User, "user"), Ok200));

    private static JsonHttpResult<SimpleResourceListEnvelope> Domains(HttpContext http)
    {
        var caller = Caller(http);
        return TypedResults.Json(new SimpleResourceListEnvelope(caller.Domains.Select(d => new SimpleResource(d, "domain"))
            .Concat(caller.Blacklist.Select(b => new SimpleResource(b, "blacklisted_subdomain"))).ToList(), Ok200));
    }

    private static async Task<IResult> ListRecords(HttpContext http, ISimpleApiBackend backend)
    {
        if (!TryPageParameter(http, "page[number]", 1, 1, int.MaxValue, out int number, out var error) ||
            !TryPageParameter(http, "page[size]", DefaultPageSize, MinPageSize, MaxPageSize, out int size, out error))
            return error!;
        var page = await backend.ListAsync(Caller(http), number, size, http.RequestAborted);
        var data = page.Records.Select(SimpleRecordData.From).ToList();
        return TypedResults.Json(new SimpleRecordListEnvelope(data, new SimpleListMeta(StatusCodes.Status200OK, new SimplePagination(page.Number, page.Size))));
    }

    private static async Task<IResult> GetRecord(string id, HttpContext http, ISimpleApiBackend backend) =>
        TryRecordId(id, out long recordId) ? Answer(await backend.GetAsync(Caller(http), recordId, http.RequestAborted)) : NotFound();

    private static async Task<IResult> CreateRecord(HttpContext http, ISimpleApiBackend backend)
    {
        var (body, error) = await ReadObjectAsync(http);
        if (error is not null) return error;
        var request = new SimpleRecordRequest(Field(body, "domain_type"), Field(body, "domain"), Field(body, "subdomain"), Field(body, "to"));
        return Answer(await backend.CreateAsync(Caller(http), request, http.RequestAborted));
    }

    private static async Task<IResult> Retarget(string id, HttpContext http, ISimpleApiBackend backend)
    {
        if (!TryRecordId(id, out long recordId)) return NotFound();
        var (body, error) = await ReadObjectAsync(http);
        if (error is not null) return error;
        return Answer(await backend.RetargetAsync(Caller(http), recordId, Field(body, "to"), http.RequestAborted));
    }

    private static async Task<IResult> DeleteRecord(string id, HttpContext http, ISimpleApiBackend backend) =>
        TryRecordId(id, out long recordId) ? Answer(await backend.DeleteAsync(Caller(http), recordId, http.RequestAborted)) : NotFound();

    private static async Task<IResult> Upsert(string domain_type, string domain, string subdomain, string to, HttpContext http, ISimpleApiBackend backend) =>
        Answer(await backend.UpsertAsync(Caller(http), new SimpleRecordRequest(domain_type, domain, subdomain, to), http.RequestAborted));

    private static async Task<IResult> DeleteByPath(string domain_type, string domain, string subdomain, HttpContext http, ISimpleApiBackend backend) =>
        Answer(await backend.DeleteAsync(Caller(http), new SimpleRecordRequest(domain_type, domain, subdomain, null), http.RequestAborted));

    private static SimpleCaller Caller(HttpContext http) =>
        http.Features.Get<SimpleCallerFeature>()?.Caller ?? throw new InvalidOperationException("the endpoint does not require a Simple API token");

    private static readonly SimpleMeta Ok200 = new(StatusCodes.Status200OK);

    private static IResult Answer(ServiceResult<SimpleRecord> result) =>
        result.Succeeded ? TypedResults.Json(new SimpleRecordEnvelope(SimpleRecordData.From(result.Value), Ok200)) : SimpleSurface.Instance.From(result.Error);

    private static IResult NotFound() => SimpleSurface.Instance.From(ServiceError.RecordNotFound);

    private static IResult BadRequest(string title) => SimpleSurface.Instance.Error(StatusCodes.Status400BadRequest, title);

    /// <summary>Ids are the original's integers; anything else names no record.</summary>
    private static bool TryRecordId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static bool TryPageParameter(HttpContext http, string name, int fallback, int min, int max, out int value, out IResult? error)
    {
        error = null;
        value = fallback;
        if (!http.Request.Query.TryGetValue(name, out var given)) return true;
        if (given.Count == 1 && int.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        error = BadRequest(max == int.MaxValue ? $"{name} must be a whole number from {min}" : $"{name} must be a whole number from {min} to {max}");
        return false;
    }

    /// <summary>The body as a JSON object, whatever its Content-Type (the original ignored it and scripts leave it out).</summary>
    private static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes) return (default, TooLarge());
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        try
        {
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return (default, TooLarge());
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }
        if (buffer.Length == 0) return (default, BadRequest("Request body is required: a JSON object"));
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (default, BadRequest("Request body must be a JSON object"));
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, BadRequest("Request body is not valid JSON"));
        }
    }

    private static IResult TooLarge() => SimpleSurface.Instance.Error(StatusCodes.Status413PayloadTooLarge, "Request body is too large");

    /// <summary>A field's string, or the JSON text of a value of another type (so the refusal can show it).</summary>
    private static string? Field(JsonElement body, string name) =>
        !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
}
