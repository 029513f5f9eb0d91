using System.ComponentModel.DataAnnotations;

namespace Meridian.Platform.Following;

/// <summary>How long the change feed keeps its entries (configuration section "ChangeFeed"). Only the node feed is
/// pruned; the zones' change journal (<c>zone_changes</c>: history, undo, IXFR) is kept whole.</summary>
public sealed class ChangeFeedRetentionOptions
{
    public const string Section = "ChangeFeed";

    /// <summary>Entries younger than this are kept. A node that has not read the feed for longer than this (stopped,
    /// or cut off from the database) reloads every zone when it next reads it instead of following entry by entry.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00", ErrorMessage = "allowed: 00:01:00 to 3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The newest entries kept whatever their age. At least one: the newest entry tells a node whether the
    /// entries after its position are still all there.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "allowed: 1 or more")]
    public int KeepAtLeast { get; set; } = 10_000;

    /// <summary>How often a serving node looks for entries to prune.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "allowed: 00:00:01 to 1.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entries deleted per transaction: each batch holds the database's writer (on SQLite, the only one)
    /// briefly, and writes go on between batches.</summary>
    [Range(1, 100_000, ErrorMessage = "allowed: 1 to 100000")]
    public int PruneBatchSize { get; set; } = 1000;
}
