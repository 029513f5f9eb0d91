using Meridian.Platform.Model;

namespace Meridian.Platform.Reading;

/// <summary>A zone's records as committed at one serial, in the order the APIs list them (name, type, id).
/// The same instance is handed to every reader while the serial stands, so a surface may attach what it
/// derives from it (its serialized response, say) to the instance; treat it and its records as read-only.</summary>
public sealed class ZoneRecordListing(Guid zoneId, string zoneName, long serial, IReadOnlyList<Record> records)
{
    public Guid ZoneId { get; } = zoneId;

    /// <summary>The zone's name ("example.com.").</summary>
    public string ZoneName { get; } = zoneName;

    public long Serial { get; } = serial;

    public IReadOnlyList<Record> Records { get; } = records;
}
