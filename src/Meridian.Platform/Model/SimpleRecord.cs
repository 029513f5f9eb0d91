namespace Meridian.Platform.Model;

/// <summary>A record as the Simple API knows it: an integer id (the original service's), the type/domain/subdomain
/// key and the target. On the <c>meridian</c> backend it points at the platform <see cref="Record"/> it stands for
/// (<see cref="RecordId"/>, in zone <see cref="ZoneId"/>); a remote backend keeps the provider's id instead.</summary>
public sealed class SimpleRecord
{
    public long Id { get; set; }

    /// <summary>Which backend holds the record: <c>meridian</c> or <c>dnsimple</c>.</summary>
    public string Backend { get; set; } = "";

    /// <summary><c>A</c> or <c>CNAME</c>.</summary>
    public string DomainType { get; set; } = "";

    /// <summary>Lowercase, no final dot: <c>example.com</c>.</summary>
    public string Domain { get; set; } = "";

    /// <summary>One lowercase label: <c>api</c>.</summary>
    public string Subdomain { get; set; } = "";

    /// <summary>An IPv4 address (A) or a host name without the final dot (CNAME).</summary>
    public string To { get; set; } = "";

    public int Ttl { get; set; }

    public Guid? ZoneId { get; set; }

    public Guid? RecordId { get; set; }

    /// <summary>The remote provider's id of the record (remote backends only).</summary>
    public string? ProviderRecordId { get; set; }

    /// <summary>The Simple API user who created it (the journal names every change's user).</summary>
    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>The original service's key: <c>A::example.com::api</c>.</summary>
    public string DomainKey => $"{DomainType}::{Domain}::{Subdomain}";
}
