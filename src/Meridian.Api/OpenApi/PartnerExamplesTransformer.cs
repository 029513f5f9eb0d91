using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Http;
using Meridian.Api.Partner;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Examples of the Partner API's requests and answers, by operation. They are the API's own request and
/// response records serialized with the API's JSON options, so an example cannot drift from the shape the
/// endpoints read and write.</summary>
internal sealed class PartnerExamplesTransformer : IOpenApiOperationTransformer
{
    private const string DomainId = "0b6f6c3e-8f57-4b4e-9d55-1c6a2f0e7d41";
    private const string RecordId = "5d0a3e43-2c1b-4f5e-8a8e-7f1b9c4d2e10";
    private const string MxRecordId = "9a7c1e52-6b3d-4c8f-a1e2-3d4f5a6b7c80";
    private const string TxtRecordId = "c3e8d1f4-7a2b-4e6c-9d0f-1a2b3c4d5e6f";

    private static readonly PartnerRecord s_record = new(RecordId, "A", "www", "192.0.2.10", 3600);
    private static readonly PartnerRecord s_mxRecord = new(MxRecordId, "MX", "@", "mail.example.com.", 3600, Priority: 10);
    private static readonly PartnerDomain s_domain = new(DomainId, "example.com");

    private static readonly Dictionary<string, OperationExample> s_examples = new(StringComparer.Ordinal)
    {
        ["PartnerCreateUser"] = new(
            new CreateUserRequest("user-123", "user@example.com"),
            "201", new UserSessionResponse("user-123", "https://dns.example.net/ui/login/Qm9vdHN0cmFwLXRva2VuLWV4YW1wbGU", new DateTime(2030, 1, 2, 10, 0, 0, DateTimeKind.Utc))),
        ["PartnerListUserDomains"] = new(null, "200", new UserDomainsResponse([s_domain], new PaginationInfo(1, 1, 1, 1))),
        ["PartnerCreateUserDomain"] = new(new CreateDomainRequest("example.com"), "201", s_domain),
        ["PartnerGetDomain"] = new(null, "200", s_domain),
        ["PartnerCreateRecord"] = new(
            new CreateRecordRequest(DomainId, "A", "www", "192.0.2.10", null, 3600, null, null, null, null),
            "201", s_record),
        ["PartnerGetRecord"] = new(null, "200", s_record),
        ["PartnerUpdateRecord"] = new(
            new UpdateRecordRequest(null, null, "192.0.2.20", null, 600, null, null, null, null),
            "200", s_record with { Value = "192.0.2.20", Ttl = 600 }),
        ["PartnerListRecords"] = new(null, "200", new RecordListResponse([s_mxRecord, s_record], new PaginationInfo(1, 100, 2, 1))),
        ["PartnerBatchRecords"] = new(
            new BatchRequest(
                [new BatchDelete(MxRecordId)],
                [new BatchPatch(RecordId, null, null, "192.0.2.30", null, null, null, null, null, null)],
                [new BatchPost("TXT", "@", "v=spf1 mx -all", null, 3600, null, null, null, null)]),
            "200", new BatchResponse(
                [MxRecordId],
                [s_record with { Value = "192.0.2.30" }],
                [new PartnerRecord(TxtRecordId, "TXT", "@", "\"v=spf1 mx -all\"", 3600)],
                2030010201)),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is null || !s_examples.TryGetValue(operation.OperationId, out var example)) return Task.CompletedTask;
        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (example.Request is not null && operation.RequestBody?.Content is { } requestContent)
        {
            foreach (var media in requestContent.Values) media.Example = WithoutNulls(JsonSerializer.SerializeToNode(example.Request, json));
        }
        if (example.Response is not null && operation.Responses?.TryGetValue(example.Status, out var response) == true && response.Content is { } responseContent)
        {
            foreach (var media in responseContent.Values) media.Example = JsonSerializer.SerializeToNode(example.Response, json);
        }
        return Task.CompletedTask;
    }

    /// <summary>A request example leaves out the optional fields it does not set, as a caller would.</summary>
    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList()) obj.Remove(key);
                foreach (var (_, value) in obj) WithoutNulls(value);
                break;
            case JsonArray array:
                foreach (var item in array) WithoutNulls(item);
                break;
        }
        return node;
    }

    private sealed record OperationExample(object? Request, string Status, object? Response);
}
