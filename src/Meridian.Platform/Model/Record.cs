namespace Meridian.Platform.Model;

/// <summary>One resource record of a zone: owner FQDN, type mnemonic, TTL, and the RDATA in canonical
/// presentation form (MX: "10 mail.example.com.").</summary>
public sealed class Record
{
    public Guid Id { get; set; }

    public Guid ZoneId { get; set; }

    /// <summary>Owner name: lowercase FQDN with the final dot.</summary>
    public string Name { get; set; } = "";

    /// <summary>Type mnemonic, upper case ("MX", "TYPE65280").</summary>
    public string Type { get; set; } = "";

    public int Ttl { get; set; }

    public string Data { get; set; } = "";

    /// <summary>GeoDNS targets; <c>["disabled"]</c> means answered everywhere.</summary>
    public string[] CountryCodes { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
