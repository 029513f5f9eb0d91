using System.Text;
using Meridian.Api.Idempotency;
using Meridian.Api.Auth;
using Meridian.Api.Http;
using Meridian.Api.OpenApi;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Meridian.Api.Client;

/// <summary>The Client API (<c>/api/client</c>): customers manage their own domains and records. Each
/// endpoint only maps the request to a platform service and its result to the spec's shape.</summary>
public static class ClientApiEndpoints
{
    /// <summary>Largest zone file the import endpoint reads (a 100,000-record zone is about 4 MB).</summary>
    public const long MaxImportBytes = 32 * 1024 * 1024;

    /// <summary>Largest JSON body for the other endpoints.</summary>
    public const long MaxJsonBytes = 1024 * 1024;

    internal const string JsonContentType = "application/json; charset=utf-8";

    public static IEndpointRouteBuilder MapClientApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapSurface(SingleErrorSurface.Client).RequireAuthorization(Policies.Client).WithTags("Client API")
            .AcceptIdempotencyKeys();
        var read = Policies.Scope(Scopes.DnsRead);
        var write = Policies.Scope(Scopes.DnsWrite);

        // Bodies are read by hand (JsonBody) and answers are IResult, so DocumentsBody/Produces tell the OpenAPI document
        // the shapes; refusals are added there in the surface's shape, and a status named here without a type is one of them.
        api.MapGet("/domains", ListDomains).WithName("ClientListDomains").RequireAuthorization(read)
            .WithSummary("List your domains").Produces<DomainResponse[]>();
        api.MapPost("/domains", CreateDomain).WithName("ClientCreateDomain").RequireAuthorization(write)
            .WithSummary("Add a domain").DocumentsBody<CreateDomainRequest>().Produces<DomainResponse>(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status409Conflict);
        api.MapDelete("/domains/{id}", DeleteDomain).WithName("ClientDeleteDomain").RequireAuthorization(write)
            .WithSummary("Delete a domain and its records").Produces<MessageResponse>();
        api.MapGet("/domains/{id}/records", ListRecords).WithName("ClientListRecords").RequireAuthorization(read)
            .WithSummary("List a domain's records").Produces<RecordResponse[]>();
        api.MapGet("/domains/{domain}/changes", ListChanges).WithName("ClientListChanges").RequireAuthorization(read)
            .WithSummary("Get a domain's change history").WithDescription("domain is the domain's id or its name; newest change first.")
            .Produces<ChangesResponse>();
        api.MapGet("/domains/{id}/export/bind", ExportBind).WithName("ClientExportBind").RequireAuthorization(read)
            .WithSummary("Export a domain as a BIND zone file")
            .WithDescription("Unlike the Client API specification, which leaves country codes out, the export keeps each record's "
                + "locations in '; meridian: country_codes=…' comments, so that importing it restores the GeoDNS targeting; "
                + "BIND and other readers load the records answered everywhere (or a set's first variant) and skip the rest. See docs/zone-files.md.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        api.MapPost("/records", CreateRecord).WithName("ClientCreateRecord").RequireAuthorization(write)
            .WithSummary("Add a record").DocumentsBody<RecordRequest>().Produces<RecordResponse>(StatusCodes.Status201Created)
            .Produces(StatusCodes.Status404NotFound);
        api.MapPut("/records/{id}", UpdateRecord).WithName("ClientUpdateRecord").RequireAuthorization(write)
            .WithSummary("Change a record").WithDescription("Fields left out keep their values.")
            .DocumentsBody<RecordRequest>().Produces<RecordResponse>();
        api.MapDelete("/records/{id}", DeleteRecord).WithName("ClientDeleteRecord").RequireAuthorization(write)
            .WithSummary("Delete a record").Produces<MessageResponse>();
        api.MapPost("/import/bind", ImportBind).WithName("ClientImportBind").RequireAuthorization(write)
            .WithSummary("Import a BIND zone file").WithDescription("201 when every record was created, 206 with errors when some were not. "
                + "Country codes in a Meridian export's '; meridian: country_codes=…' comments are restored.")
            .DocumentsBody<string>("text/plain").Produces<ImportResponse>(StatusCodes.Status201Created).Produces<ImportResponse>(StatusCodes.Status206PartialContent)
            .Produces(StatusCodes.Status409Conflict);
        api.MapPost("/rotate-api-key", RotateKey).WithName("ClientRotateApiKey")
            .WithSummary("Replace your API key").WithDescription("The old key stops working at once; the new one is shown only in this answer.")
            .Produces<RotateKeyResponse>();
        return routes;
    }

    private static async Task<IResult> ListDomains(HttpContext http, DomainService domains) =>
        TypedResults.Ok((await domains.ListAsync(http.Actor(), http.RequestAborted)).Select(DomainResponse.From));

    private static async Task<IResult> CreateDomain(HttpContext http, DomainService domains)
    {
        var (body, error) = await ReadJson<CreateDomainRequest>(http);
        if (error is not null) return error;
        var result = await domains.CreateAsync(http.Actor(), body!.Name, http.RequestAborted);
        return result.Succeeded ? TypedResults.Json(DomainResponse.From(result.Value), statusCode: StatusCodes.Status201Created) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> DeleteDomain(string id, HttpContext http, DomainService domains)
    {
        if (!RouteIds.TryParse(id, out var zoneId)) return ApiErrors.BadRequest("Invalid domain ID");
        var result = await domains.DeleteAsync(http.Actor(), zoneId, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(new MessageResponse("Domain deleted")) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> ListRecords(string id, HttpContext http, RecordService records)
    {
        if (!RouteIds.TryParse(id, out var zoneId)) return ApiErrors.BadRequest("Invalid domain ID");
        var result = await records.ListingAsync(http.Actor(), zoneId, http.RequestAborted);
        return result.Succeeded ? TypedResults.Bytes(RecordListingJson.Of(result.Value), JsonContentType) : ApiErrors.From(result.Error);
    }

    /// <summary>The zone's change journal, newest first; <paramref name="domain"/> is the domain's id or its name.</summary>
    private static async Task<IResult> ListChanges(string domain, int? page, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "per_page")] int? perPage, HttpContext http, DomainService domains, ChangeJournalService journal)
    {
        if (!Paging.TryRead(page, perPage, out var request, out string? pagingError)) return ApiErrors.BadRequest(pagingError);
        Guid zoneId;
        if (!RouteIds.TryParse(domain, out zoneId))
        {
            var zone = await domains.FindByNameAsync(http.Actor(), domain, http.RequestAborted);
            if (!zone.Succeeded) return ApiErrors.From(zone.Error.Kind == ServiceErrorKind.Validation ? ServiceError.DomainNotFound : zone.Error);
            zoneId = zone.Value.Id;
        }
        var result = await journal.ListAsync(http.Actor(), zoneId, request, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(ChangesResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> ExportBind(string id, HttpContext http, ExportService export)
    {
        if (!RouteIds.TryParse(id, out var zoneId)) return ApiErrors.BadRequest("Invalid domain ID");
        var result = await export.ExportBindAsync(http.Actor(), zoneId, http.RequestAborted);
        if (!result.Succeeded) return ApiErrors.From(result.Error);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{result.Value.FileName}\"";
        return TypedResults.Text(result.Value.Text, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> CreateRecord(HttpContext http, RecordService records)
    {
        var (body, error) = await ReadJson<RecordRequest>(http);
        if (error is not null) return error;
        if (string.IsNullOrWhiteSpace(body!.DomainId)) return ApiErrors.BadRequest("domain_id is required");
        if (!RouteIds.TryParse(body.DomainId, out var zoneId)) return ApiErrors.BadRequest("Invalid domain ID");
        foreach (var (field, value) in new[] { ("name", body.Name), ("type", body.Type), ("value", body.Value) })
        {
            if (value is null) return ApiErrors.BadRequest($"{field} is required");
        }
        var result = await records.CreateAsync(http.Actor(), zoneId, ToInput(body), http.RequestAborted);
        return result.Succeeded ? TypedResults.Json(RecordResponse.From(result.Value), statusCode: StatusCodes.Status201Created) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> UpdateRecord(string id, HttpContext http, RecordService records)
    {
        if (!RouteIds.TryParse(id, out var recordId)) return ApiErrors.BadRequest("Invalid record ID");
        var (body, error) = await ReadJson<RecordRequest>(http);
        if (error is not null) return error;
        var otherDomain = await RefuseOtherDomainAsync(body!.DomainId, recordId, http, records);
        if (otherDomain is not null) return otherDomain;
        var result = await records.UpdateAsync(http.Actor(), recordId, ToInput(body), http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(RecordResponse.From(result.Value)) : ApiErrors.From(result.Error);
    }

    /// <summary>A record stays in its domain: a <c>domain_id</c> other than its own is refused rather than ignored, so a
    /// client that meant to move it learns that it did not move.</summary>
    private static async Task<IResult?> RefuseOtherDomainAsync(string? domainId, Guid recordId, HttpContext http, RecordService records)
    {
        if (domainId is null) return null;
        if (!RouteIds.TryParse(domainId, out var zoneId)) return ApiErrors.BadRequest("Invalid domain ID");
        var current = await records.GetAsync(http.Actor(), recordId, http.RequestAborted);
        if (!current.Succeeded) return ApiErrors.From(current.Error);
        return current.Value.ZoneId == zoneId ? null : ApiErrors.BadRequest("domain_id cannot be changed: a record stays in its domain");
    }

    private static async Task<IResult> DeleteRecord(string id, HttpContext http, RecordService records)
    {
        if (!RouteIds.TryParse(id, out var recordId)) return ApiErrors.BadRequest("Invalid record ID");
        var result = await records.DeleteAsync(http.Actor(), recordId, http.RequestAborted);
        return result.Succeeded ? TypedResults.Ok(new MessageResponse("Record deleted")) : ApiErrors.From(result.Error);
    }

    private static async Task<IResult> ImportBind(HttpContext http, ImportService import)
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = MaxImportBytes;
        if (http.Request.ContentLength > MaxImportBytes) return ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, $"Zone file is too large (at most {MaxImportBytes / (1024 * 1024)} MB)");
        byte[] zoneFile;
        try
        {
            // Sized from Content-Length when there is one, so a large file is not copied as the buffer grows.
            using var buffer = new MemoryStream(http.Request.ContentLength is long declared and > 0 and <= MaxImportBytes ? (int)declared : 0);
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length > MaxImportBytes) return ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, "Zone file is too large");
            zoneFile = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ApiErrors.Result(StatusCodes.Status413PayloadTooLarge, "Zone file is too large");
        }
        if (zoneFile.Length == 0) return ApiErrors.BadRequest("Request body must contain a BIND zone file");

        var result = await import.ImportBindAsync(http.Actor(), zoneFile, domain: null, http.RequestAborted);
        if (!result.Succeeded) return ApiErrors.From(result.Error);
        return new ImportResult(result.Value);
    }

    private static async Task<IResult> RotateKey(HttpContext http, AccountService accounts)
    {
        var result = await accounts.RotateKeyAsync(http.Actor(), http.RequestAborted);
        if (!result.Succeeded) return ApiErrors.From(result.Error);
        var account = result.Value.Account;
        return TypedResults.Ok(new RotateKeyResponse(account.Id, account.Name, account.Email, result.Value.Issued.Token, account.DomainLimit,
            account.CreatedAt, account.UpdatedAt));
    }

    private static Meridian.Platform.Services.RecordInput ToInput(RecordRequest body) =>
        new(body.Name, body.Type, body.Value, body.Ttl, body.Priority, body.CountryCodes);

    private static Task<(T? Value, IResult? Error)> ReadJson<T>(HttpContext http) where T : class
    {
        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = MaxJsonBytes;
        return JsonBody.ReadAsync<T>(http.Request, http.RequestAborted);
    }
}
