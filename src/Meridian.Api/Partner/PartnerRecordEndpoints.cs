using Meridian.Api.Auth;
using Meridian.Api.Http;
using Meridian.Api.Surfaces;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Meridian.Api.Partner.PartnerApiEndpoints;

namespace Meridian.Api.Partner;

/// <summary>The Partner API's DNS records: create, read, change, delete, list (paginated, filtered by type and
/// name), and batches applied all or nothing.</summary>
public static class PartnerRecordEndpoints
{
    /// <summary>Records per page when a listing names no per_page.</summary>
    public const int DefaultRecordsPerPage = 100;

    public static void MapPartnerRecordEndpoints(this RouteGroupBuilder api)
    {
        var read = Policies.Scope(Scopes.DnsRead);
        var write = Policies.Scope(Scopes.DnsWrite);
        api.MapPost("/dns_records", CreateRecord).WithName("PartnerCreateRecord").RequireAuthorization(write).WithSummary("Create DNS record")
            .Produces(StatusCodes.Status404NotFound);
        api.MapGet("/dns_records/{id}", GetRecord).WithName("PartnerGetRecord").RequireAuthorization(read).WithSummary("Get DNS record");
        api.MapPatch("/dns_records/{id}", UpdateRecord).WithName("PartnerUpdateRecord").RequireAuthorization(write).WithSummary("Update DNS record");
        api.MapDelete("/dns_records/{id}", DeleteRecord).WithName("PartnerDeleteRecord").RequireAuthorization(write).WithSummary("Delete DNS record");
        api.MapGet("/domains/{domain_id}/dns_records", ListRecords).WithName("PartnerListRecords").RequireAuthorization(read)
            .WithSummary("List a domain's DNS records").WithDescription("Paginated (page, per_page up to 100, default 100); filter with type and name.");
        api.MapPost("/domains/{domain_id}/dns_records/batch", Batch).WithName("PartnerBatchRecords").RequireAuthorization(write)
            .WithSummary("Change many records at once")
            .WithDescription("deletes, then patches, then posts, in one change with one new serial; all or nothing; at most 1000 operations.");
    }

    private static async Task<Results<Created<PartnerRecord>, JsonHttpResult<PartnerErrorBody>>> CreateRecord(
        [FromBody] CreateRecordRequest body, HttpContext http, DomainService domains, RecordService records)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(body.DomainId)) problems.Add(new Problem("domain_id", "required", "domain_id is required"));
        if (string.IsNullOrWhiteSpace(body.Type)) problems.Add(new Problem("type", "required", "type is required"));
        if (body.Name is null) problems.Add(new Problem("name", "required", "name is required (use @ for the domain itself)"));
        if (body.Value is null && body.Content is null && body.Target is null) problems.Add(new Problem("value", "required", "value is required"));
        if (problems.Count > 0) return Refusal(ServiceError.Invalid(problems));
        if (!RouteIds.TryParse(body.DomainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        var actor = http.Actor();
        var zoneName = await domains.GetNameAsync(actor, zoneId, http.RequestAborted);
        if (!zoneName.Succeeded) return Refusal(zoneName.Error);
        var input = PartnerRecordMapping.ToInput(body);
        if (!input.Succeeded) return Refusal(input.Error);
        var record = await records.CreateAsync(actor, zoneId, input.Value with { Ttl = body.Ttl ?? RecordLimits.DefaultTtl }, http.RequestAborted);
        if (!record.Succeeded) return Refusal(record.Error);
        return TypedResults.Created($"/api/v1/dns_records/{record.Value.Id}", PartnerRecordMapping.ToResponse(record.Value, zoneName.Value));
    }

    private static async Task<Results<Ok<PartnerRecord>, JsonHttpResult<PartnerErrorBody>>> GetRecord(
        string id, HttpContext http, DomainService domains, RecordService records)
    {
        var found = await FindAsync(id, http, domains, records);
        return found.Succeeded ? TypedResults.Ok(PartnerRecordMapping.ToResponse(found.Value.Record, found.Value.ZoneName)) : Refusal(found.Error);
    }

    private static async Task<Results<Ok<PartnerRecord>, JsonHttpResult<PartnerErrorBody>>> UpdateRecord(
        string id, [FromBody] UpdateRecordRequest body, HttpContext http, DomainService domains, RecordService records)
    {
        var found = await FindAsync(id, http, domains, records);
        if (!found.Succeeded) return Refusal(found.Error);
        var input = PartnerRecordMapping.ToInput(body, found.Value.Record);
        if (!input.Succeeded) return Refusal(input.Error);
        var record = await records.UpdateAsync(http.Actor(), found.Value.Record.Id, input.Value, http.RequestAborted);
        return record.Succeeded ? TypedResults.Ok(PartnerRecordMapping.ToResponse(record.Value, found.Value.ZoneName)) : Refusal(record.Error);
    }

    private static async Task<Results<NoContent, JsonHttpResult<PartnerErrorBody>>> DeleteRecord(string id, HttpContext http, RecordService records)
    {
        if (!RouteIds.TryParse(id, out var recordId)) return Refusal(ServiceError.RecordNotFound);
        var record = await records.DeleteAsync(http.Actor(), recordId, http.RequestAborted);
        return record.Succeeded ? TypedResults.NoContent() : Refusal(record.Error);
    }

    private static async Task<Results<Ok<RecordListResponse>, JsonHttpResult<PartnerErrorBody>>> ListRecords(
        [FromRoute(Name = "domain_id")] string domainId, int? page, [FromQuery(Name = "per_page")] int? perPage, string? type, string? name,
        HttpContext http, RecordService records)
    {
        if (!Paging.TryRead(page ?? 1, perPage ?? DefaultRecordsPerPage, out var request, out string? pagingError))
            return Refusal(ServiceError.Validation(pagingError, "per_page", "invalid_paging"));
        if (!RouteIds.TryParse(domainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        // The listing checks access and carries the zone's name: one prepared read when the records are remembered.
        var listing = await records.ListingAsync(http.Actor(), zoneId, http.RequestAborted);
        if (!listing.Succeeded) return Refusal(listing.Error);
        string zoneName = listing.Value.ZoneName;
        IEnumerable<Record> matching = listing.Value.Records;
        if (!string.IsNullOrWhiteSpace(type)) matching = matching.Where(r => string.Equals(r.Type, type.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(name))
        {
            string wanted = name.Trim();
            matching = matching.Where(r => string.Equals(PartnerRecordMapping.RelativeName(r.Name, zoneName), wanted, StringComparison.OrdinalIgnoreCase)
                                           || string.Equals(r.Name, wanted.EndsWith('.') ? wanted : wanted + ".", StringComparison.OrdinalIgnoreCase));
        }
        var all = matching.ToList();
        var items = all.Skip(request.Skip).Take(request.Take).Select(r => PartnerRecordMapping.ToResponse(r, zoneName)).ToList();
        return TypedResults.Ok(new RecordListResponse(items, PaginationInfo.Of(new Page<Record>(all, all.Count, request))));
    }

    private static async Task<Results<Ok<BatchResponse>, JsonHttpResult<PartnerErrorBody>>> Batch(
        [FromRoute(Name = "domain_id")] string domainId, [FromBody] BatchRequest body, HttpContext http, DomainService domains, RecordService records,
        RecordBatchService batches)
    {
        if (!RouteIds.TryParse(domainId, out var zoneId)) return Refusal(ServiceError.DomainNotFound);
        var actor = http.Actor();
        var zoneName = await domains.GetNameAsync(actor, zoneId, http.RequestAborted);
        if (!zoneName.Succeeded) return Refusal(zoneName.Error);

        var problems = new List<Problem>();
        var deletes = new List<Guid>();
        var patches = new List<(Guid, RecordInput)>();
        var posts = new List<RecordInput>();
        for (int i = 0; i < (body.Deletes?.Count ?? 0); i++)
        {
            if (RouteIds.TryParse(body.Deletes![i].Id, out var recordId)) deletes.Add(recordId);
            else problems.Add(new Problem($"deletes[{i}].id", "not_found", $"deletes[{i}]: Record not found"));
        }
        for (int i = 0; i < (body.Patches?.Count ?? 0); i++)
        {
            var patch = body.Patches![i];
            if (!RouteIds.TryParse(patch.Id, out var recordId))
            {
                problems.Add(new Problem($"patches[{i}].id", "not_found", $"patches[{i}]: Record not found"));
                continue;
            }
            // SRV parts left out of a patch come from the record as it is now; only a patch naming some reads it.
            Record? current = null;
            if (patch.Weight is not null || patch.Port is not null || patch.Target is not null)
            {
                var found = await records.GetAsync(actor, recordId, http.RequestAborted);
                if (found.Succeeded) current = found.Value;
            }
            var input = PartnerRecordMapping.ToInput(patch, current);
            if (input.Succeeded) patches.Add((recordId, input.Value));
            else problems.AddRange(input.Error.Problems.Select(p => p with { Field = $"patches[{i}].{p.Field}", Message = $"patches[{i}]: {p.Message}" }));
        }
        for (int i = 0; i < (body.Posts?.Count ?? 0); i++)
        {
            var post = body.Posts![i];
            var input = PartnerRecordMapping.ToInput(post);
            if (input.Succeeded) posts.Add(input.Value with { Ttl = post.Ttl ?? RecordLimits.DefaultTtl });
            else problems.AddRange(input.Error.Problems.Select(p => p with { Field = $"posts[{i}].{p.Field}", Message = $"posts[{i}]: {p.Message}" }));
        }
        if (problems.Count > 0) return Refusal(ServiceError.Invalid(problems));

        var result = await batches.ApplyAsync(actor, zoneId, new RecordBatch(deletes, patches, posts), http.RequestAborted);
        if (!result.Succeeded) return Refusal(result.Error);
        return TypedResults.Ok(new BatchResponse(
            [.. result.Value.Deleted.Select(d => d.ToString())],
            [.. result.Value.Patched.Select(r => PartnerRecordMapping.ToResponse(r, zoneName.Value))],
            [.. result.Value.Created.Select(r => PartnerRecordMapping.ToResponse(r, zoneName.Value))],
            result.Value.Serial));
    }

    private static async Task<ServiceResult<(Record Record, string ZoneName)>> FindAsync(string id, HttpContext http, DomainService domains, RecordService records)
    {
        if (!RouteIds.TryParse(id, out var recordId)) return ServiceError.RecordNotFound;
        var actor = http.Actor();
        var record = await records.GetAsync(actor, recordId, http.RequestAborted);
        if (!record.Succeeded) return record.Error;
        var zoneName = await domains.GetNameAsync(actor, record.Value.ZoneId, http.RequestAborted);
        return zoneName.Succeeded ? (record.Value, zoneName.Value) : ServiceError.RecordNotFound;
    }
}
