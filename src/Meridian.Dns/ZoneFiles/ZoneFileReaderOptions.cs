using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.ZoneFiles;

/// <summary>How a <see cref="ZoneFileReader"/> reads one zone file.</summary>
public sealed class ZoneFileReaderOptions
{
    /// <summary>The zone's name: the initial <c>$ORIGIN</c>, and the top of the zone (records outside it
    /// are dropped with a warning, as BIND does).</summary>
    public required DnsName Origin { get; init; }

    /// <summary>The zone's class; a record naming another class is refused.</summary>
    public DnsClass Class { get; init; } = DnsClass.IN;

    /// <summary>Name used in error positions.</summary>
    public string FileName { get; init; } = "<input>";

    /// <summary><c>$INCLUDE</c> can read any file the process can, so it is refused unless allowed.</summary>
    public bool AllowInclude { get; init; }

    /// <summary>Relative <c>$INCLUDE</c> paths resolve against this directory, not the including file's
    /// (BIND resolves them against its working directory). Null means the current directory.</summary>
    public string? IncludeDirectory { get; init; }

    /// <summary>How deep <c>$INCLUDE</c> may nest before the reader refuses (guards include loops).</summary>
    public int MaxIncludeDepth { get; init; } = 16;

    /// <summary>The clock used for <c>$DATE</c>; null means the system clock.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Called for BIND's warnings (e.g. "TTL set to prior TTL"); reading goes on.</summary>
    public Action<ZoneFileError>? Warning { get; init; }
}
