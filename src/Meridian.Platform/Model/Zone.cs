namespace Meridian.Platform.Model;

/// <summary>A hosted zone (the APIs call it a domain). The name is a lowercase FQDN with the final dot.</summary>
public sealed class Zone
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>A partner's end user that the zone belongs to; null for zones of clients.</summary>
    public Guid? UserId { get; set; }

    public string Name { get; set; } = "";

    public ApiEnvironment Environment { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The SOA serial (a 32-bit sequence number, RFC 1982), raised by every committed change.</summary>
    public long Serial { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
