namespace Meridian.Platform.Model;

/// <summary>What a <see cref="ZoneChange"/> did to its zone.</summary>
public enum ZoneChangeKind
{
    Created,
    RecordsChanged,
    Deleted,
}
