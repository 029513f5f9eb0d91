namespace Meridian.Platform.Records;

/// <summary>The numeric limits users meet: TTL and MX/SRV priority.</summary>
public static class RecordLimits
{
    public const int MinTtl = 1;
    public const int MaxTtl = 604_800;
    public const int DefaultTtl = 3600;
    public const int MaxPriority = 65_535;

    public static string? CheckTtl(long ttl) =>
        ttl is < MinTtl or > MaxTtl ? $"TTL {ttl} is out of range ({MinTtl}-{MaxTtl} seconds)" : null;

    public static string? CheckPriority(long priority) =>
        priority is < 0 or > MaxPriority ? $"Priority {priority} is out of range (0-{MaxPriority})" : null;
}
