using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Meridian.Platform.Model;
using Meridian.Platform.Records;

namespace Meridian.Api.Client;

/// <summary>A domain as the Client API shows it.</summary>
public sealed record DomainResponse(Guid Id, Guid ClientId, string Name, bool Active, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static DomainResponse From(Zone zone) => new(zone.Id, zone.AccountId, zone.Name, zone.Active, zone.CreatedAt, zone.UpdatedAt);
}

/// <summary>A record as the Client API shows it: MX and SRV priority apart from the value.</summary>
public sealed record RecordResponse(Guid Id, Guid DomainId, string Name, string Type, int Ttl, IReadOnlyList<string> CountryCodes,
    int Priority, string Value, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static RecordResponse From(Record record)
    {
        var (priority, value) = RecordValueRules.SplitPriority(record.Type, record.Data);
        return new RecordResponse(record.Id, record.ZoneId, record.Name, record.Type, record.Ttl, record.CountryCodes, priority, value,
            record.CreatedAt, record.UpdatedAt);
    }
}

/// <summary>POST /api/client/domains.</summary>
public sealed record CreateDomainRequest([property: Required] string? Name);

/// <summary>POST /api/client/records; PUT /api/client/records/{id} uses the same fields, all optional.</summary>
public sealed record RecordRequest(string? DomainId, string? Name, string? Type, string? Value, long? Ttl, long? Priority, List<string>? CountryCodes);

/// <summary>The answer to a deletion.</summary>
public sealed record MessageResponse(string Message);

/// <summary>The answer to a BIND import (201, or 206 with errors when some records failed).</summary>
public sealed record ImportResponse(DomainResponse Domain, int RecordsCreated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? PartialSuccess,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Errors,
    IReadOnlyList<RecordResponse> Records);

/// <summary>The answer to a key rotation: the account and its new token, shown this once.</summary>
public sealed record RotateKeyResponse(Guid Id, string Name, string? Email, string ApiToken, int? DomainLimit, DateTime CreatedAt, DateTime UpdatedAt);
