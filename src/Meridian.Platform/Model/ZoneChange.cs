namespace Meridian.Platform.Model;

/// <summary>One entry of the change journal: a zone's new serial, who made the change and, for record changes,
/// every record set it touched before and after (<see cref="RecordSets"/>). Written in the same transaction
/// as the records; history views, IXFR and following nodes read it.</summary>
public sealed class ZoneChange
{
    /// <summary>Increases with every change in the database (not commit order on PostgreSQL).</summary>
    public long Sequence { get; set; }

    public Guid ZoneId { get; set; }

    public string ZoneName { get; set; } = "";

    public long Serial { get; set; }

    public ZoneChangeKind Kind { get; set; }

    public DateTime At { get; set; }

    /// <summary>Who: <c>key:ID</c>, <c>session:ID</c>, <c>account:ID</c> (see <see cref="Auth.Actor.Principal"/>).</summary>
    public string? Principal { get; set; }

    /// <summary>JSON array of <c>{name, type, before: [...], after: [...]}</c>, one per record set changed; null for
    /// changes that are summarized instead (a zone created with an import's records, a deletion).</summary>
    public string? RecordSets { get; set; }

    /// <summary>When <see cref="RecordSets"/> is null: how many records the zone held after the change (for a
    /// deletion, how many it removed).</summary>
    public int? RecordCount { get; set; }
}
