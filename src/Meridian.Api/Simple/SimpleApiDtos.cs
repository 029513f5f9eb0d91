using System.Globalization;
using Meridian.Platform.Model;

namespace Meridian.Api.Simple;

/// <summary>An answer holding one record: <c>{"data": {…}, "meta": {"status": 200}}</c>.</summary>
public sealed record SimpleRecordEnvelope(SimpleRecordData Data, SimpleMeta Meta);

/// <summary>A page of records: <c>{"data": […], "meta": {"status": 200, "pagination": {"number", "size"}}}</c>.</summary>
public sealed record SimpleRecordListEnvelope(IReadOnlyList<SimpleRecordData> Data, SimpleListMeta Meta);

/// <summary>An answer holding one typed id (the user, the health check).</summary>
public sealed record SimpleResourceEnvelope(SimpleResource Data, SimpleMeta Meta);

/// <summary>An answer holding typed ids (domains and blacklisted subdomains).</summary>
public sealed record SimpleResourceListEnvelope(IReadOnlyList<SimpleResource> Data, SimpleMeta Meta);

/// <summary>The envelope's <c>meta</c>: the status.</summary>
public sealed record SimpleMeta(int Status);

/// <summary>A list's <c>meta</c>: the status and the page.</summary>
public sealed record SimpleListMeta(int Status, SimplePagination Pagination);

/// <summary>The page a list answer holds (<c>page[number]</c>, <c>page[size]</c>).</summary>
public sealed record SimplePagination(int Number, int Size);

/// <summary>A refusal: <c>{"errors": [{"title": "…"}], "meta": {"status": N}}</c>.</summary>
public sealed record SimpleErrorBody(IReadOnlyList<SimpleErrorTitle> Errors, SimpleMeta Meta);

public sealed record SimpleErrorTitle(string Title);

/// <summary>A record as the original service wrote it, plus its TTL.</summary>
public sealed record SimpleRecordData(long Id, string Type, string DomainKey, string DomainType, string Domain, string Subdomain, string To, string Created,
    int Ttl)
{
    public static SimpleRecordData From(SimpleRecord record) => new(record.Id, "record", record.DomainKey, record.DomainType, record.Domain,
        record.Subdomain, record.To, record.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), record.Ttl);
}

/// <summary>A typed id: <c>{"id": "alice", "type": "user"}</c>, a domain, a blacklisted subdomain, the health check.</summary>
public sealed record SimpleResource(string Id, string Type);

/// <summary>The body of <c>POST /records</c> and <c>PATCH /records/{id}</c> (documented; read by hand whatever the Content-Type).</summary>
public sealed record SimpleRecordBody(string? DomainType, string? Domain, string? Subdomain, string? To);

/// <summary>The body of <c>PATCH /records/{id}</c>.</summary>
public sealed record SimpleRetargetBody(string? To);
