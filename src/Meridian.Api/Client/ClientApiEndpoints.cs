using System.Text;
using Meridian.Api.Auth;
using Meridian.Api.Http;
using Meridian.Platform.Model;
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
        var api = routes.MapGroup("/api/client").RequireApiKey(AccountKind.Client).WithTags("Client API");

        api.MapGet("/domains", ListDomains).WithName("ClientListDomains");
        api.MapPost("/domains", CreateDomain).WithName("ClientCreateDomain");
        api.MapDelete("/domains/{id}", DeleteDomain).WithName("ClientDeleteDomain");
        api.MapGet("/domains/{id}/records", ListRecords).WithName("ClientListRecords");
        api.MapGet("/domains/{id}/export/bind", ExportBind).WithName("ClientExportBind");
        api.MapPost("/records", CreateRecord).WithName("ClientCreateRecord");
        api.MapPut("/records/{id}", UpdateRecord).WithName("ClientUpdateRecord");
        api.MapDelete("/records/{id}", DeleteRecord).WithName("ClientDeleteRecord");
        api.MapPost("/import/bind", ImportBind).WithName("ClientImportBind");
        api.MapPost("/rotate-api-key", RotateKey).WithName("ClientRotateApiKey");
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
