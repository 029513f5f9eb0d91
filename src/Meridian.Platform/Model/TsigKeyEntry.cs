namespace Meridian.Platform.Model;

/// <summary>A TSIG key (RFC 8945) the DNS server accepts: for zone transfers (when the configuration or a zone's
/// transfer settings name it) and for dynamic updates of the zones and names it is scoped to. The secret is needed to
/// compute MACs, so it is stored as given (it cannot be hashed like an API token); it is shown once, at creation, and
/// never listed or logged.</summary>
public sealed class TsigKeyEntry
{
    public Guid Id { get; set; }

    /// <summary>The key's name as a lowercase DNS name with the final dot ("ns2-transfer.").</summary>
    public string Name { get; set; } = "";

    /// <summary><c>hmac-sha256</c> or <c>hmac-sha512</c>.</summary>
    public string Algorithm { get; set; } = "";

    /// <summary>The shared secret, base64.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Zones (lowercase FQDNs) the key may change by dynamic update; empty: none.</summary>
    public string[] UpdateZones { get; set; } = [];

    /// <summary>Names (lowercase FQDNs, a leading <c>*.</c> for a subtree) within those zones the key may change; empty: any.</summary>
    public string[] UpdateNames { get; set; } = [];

    /// <summary>Record types (mnemonics, "TXT") the key may add or delete; empty: any. A key limited to types cannot
    /// delete every RRset at a name (class ANY, type ANY), which would reach other types.</summary>
    public string[] UpdateTypes { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
