namespace Meridian.Platform.Model;

/// <summary>One entry of the change sequence that DNS nodes follow: zone, its new serial, and what kind of change.</summary>
public sealed class ZoneChange
{
    /// <summary>Increases with every change in the database.</summary>
    public long Sequence { get; set; }

    public Guid ZoneId { get; set; }

    public string ZoneName { get; set; } = "";

    public long Serial { get; set; }

    public ZoneChangeKind Kind { get; set; }

    public DateTime At { get; set; }
}
