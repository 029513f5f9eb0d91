namespace Meridian.Platform.Model;

/// <summary>Who changed what and when: one row per committed change.</summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; }

    public DateTime At { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? ApiKeyId { get; set; }

    /// <summary>What happened, as "noun.verb": "zone.create", "record.update", "zone.import", "apikey.rotate".</summary>
    public string Action { get; set; } = "";

    public Guid? ZoneId { get; set; }

    public string? ZoneName { get; set; }

    public Guid? RecordId { get; set; }

    /// <summary>JSON of the record (or summary) before the change; null for creations.</summary>
    public string? Before { get; set; }

    /// <summary>JSON after the change; null for deletions.</summary>
    public string? After { get; set; }
}
