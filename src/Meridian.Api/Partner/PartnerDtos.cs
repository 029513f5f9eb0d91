using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Meridian.Api.Http;
using Meridian.Api.OpenApi;

namespace Meridian.Api.Partner;

/// <summary>POST /api/v1/users: find or create the user and make a sign-in link.</summary>
public sealed record CreateUserRequest(
    [property: Required, Description("Your own unique id for the user (1–255 characters).")] string? UserIdentifier,
    [property: Description("The user's email address (optional).")] string? Email);

/// <summary>The user and a one-time sign-in link into the embedded interface, valid 24 hours.</summary>
public sealed record UserSessionResponse(
    string UserIdentifier,
    string LoginUrl,
    [property: OptionalInDocument, Description("When login_url stops working (24 hours after it was made).")] DateTime ExpiresAt);

/// <summary>A domain as the Partner API shows it.</summary>
public sealed record PartnerDomain(string Id, string Name);

/// <summary>GET /api/v1/users/{user_id}/domains.</summary>
public sealed record UserDomainsResponse(IReadOnlyList<PartnerDomain> Domains, [property: OptionalInDocument] PaginationInfo Pagination);

/// <summary>POST /api/v1/users/{user_id}/domains.</summary>
public sealed record CreateDomainRequest([property: Required, Description("The domain name, e.g. example.com.")] string? Name);

/// <summary>POST /api/v1/dns_records. <c>content</c> is accepted as another name for <c>value</c>.</summary>
public sealed record CreateRecordRequest(
    [property: Required] string? DomainId,
    [property: Required, Description("A, AAAA, CNAME, MX, TXT, SRV, CAA, NS, or another type the server supports.")] string? Type,
    [property: Required, Description("Record name relative to the domain; @ for the domain itself.")] string? Name,
    [property: Description("The record's value (required unless content, or target for SRV, is sent).")] string? Value,
    [property: Description("Another name for value.")] string? Content,
    [property: Description("Time to live in seconds, 1–604800 (default 3600).")] long? Ttl,
    [property: Description("MX and SRV priority, 0–65535.")] long? Priority,
    [property: Description("SRV weight, 0–65535.")] long? Weight,
    [property: Description("SRV port, 0–65535.")] long? Port,
    [property: Description("SRV target host.")] string? Target) : IPartnerRecordFields;

/// <summary>PATCH /api/v1/dns_records/{id}: every field optional; absent fields keep their values.</summary>
public sealed record UpdateRecordRequest(
    string? Type, string? Name, string? Value, string? Content, long? Ttl, long? Priority, long? Weight, long? Port, string? Target) : IPartnerRecordFields;

/// <summary>The fields a record request may carry.</summary>
public interface IPartnerRecordFields
{
    string? Type { get; }
    string? Name { get; }
    string? Value { get; }
    string? Content { get; }
    long? Ttl { get; }
    long? Priority { get; }
    long? Weight { get; }
    long? Port { get; }
    string? Target { get; }
}

/// <summary>A DNS record as the Partner API shows it; MX/SRV fields only where they apply.</summary>
public sealed record PartnerRecord(
    string Id,
    string Type,
    string Name,
    string Value,
    int Ttl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Priority = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Weight = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Port = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Target = null);

/// <summary>GET /api/v1/domains/{domain_id}/dns_records.</summary>
public sealed record RecordListResponse(IReadOnlyList<PartnerRecord> DnsRecords, PaginationInfo Pagination);

/// <summary>POST /api/v1/domains/{domain_id}/dns_records/batch: deletes, then patches, then posts; all or nothing.</summary>
public sealed record BatchRequest(
    IReadOnlyList<BatchDelete>? Deletes,
    IReadOnlyList<BatchPatch>? Patches,
    IReadOnlyList<BatchPost>? Posts);

/// <summary>One record to delete in a batch.</summary>
public sealed record BatchDelete([property: Required] string? Id);

/// <summary>One record to change in a batch: its id and the fields of PATCH /dns_records/{id}.</summary>
public sealed record BatchPatch(
    [property: Required] string? Id, string? Type, string? Name, string? Value, string? Content, long? Ttl, long? Priority, long? Weight, long? Port, string? Target)
    : IPartnerRecordFields;

/// <summary>One record to create in a batch: the fields of POST /dns_records without domain_id.</summary>
public sealed record BatchPost(
    string? Type, string? Name, string? Value, string? Content, long? Ttl, long? Priority, long? Weight, long? Port, string? Target)
    : IPartnerRecordFields;

/// <summary>What a batch did: the ids deleted, the records as patched and as created, and the zone's new serial.</summary>
public sealed record BatchResponse(IReadOnlyList<string> Deletes, IReadOnlyList<PartnerRecord> Patches, IReadOnlyList<PartnerRecord> Posts, long Serial);
