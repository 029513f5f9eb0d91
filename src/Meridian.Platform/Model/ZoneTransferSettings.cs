namespace Meridian.Platform.Model;

/// <summary>A zone's own transfer settings, each replacing the global one (<c>Transfer:Allow</c>,
/// <c>Transfer:AllowTsig</c>, <c>Transfer:Notify</c>) when set; null: the global setting applies.</summary>
public sealed class ZoneTransferSettings
{
    public Guid ZoneId { get; set; }

    /// <summary>CIDRs that may transfer the zone without TSIG.</summary>
    public string[]? Allow { get; set; }

    /// <summary>Key names that may transfer the zone.</summary>
    public string[]? AllowTsig { get; set; }

    /// <summary>Secondaries (<c>ADDR:PORT</c>) notified of the zone's changes.</summary>
    public string[]? Notify { get; set; }

    public DateTime UpdatedAt { get; set; }
}
