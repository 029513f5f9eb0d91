using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>What <c>meridian zone check</c> checks: the file, where includes resolve, and the clock.</summary>
public sealed class ZoneCheckOptions
{
    public required string FilePath { get; init; }

    public required DnsName Origin { get; init; }

    public DnsClass Class { get; init; } = DnsClass.IN;

    public bool AllowInclude { get; init; }

    /// <summary>Where relative <c>$INCLUDE</c> paths resolve; null means the current directory (as BIND).</summary>
    public string? IncludeDirectory { get; init; }

    /// <summary>The clock (for <c>$DATE</c> and re-sign times); null means the system clock.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Print BIND's warnings ("TTL set to prior TTL", out-of-zone data…) to the error writer.</summary>
    public bool ShowWarnings { get; init; } = true;
}
