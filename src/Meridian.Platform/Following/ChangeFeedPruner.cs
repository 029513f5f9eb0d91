using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Meridian.Platform.Following;

/// <summary>Deletes change feed entries older than <see cref="ChangeFeedRetentionOptions.Retention"/>, oldest first, in
/// batches of <see cref="ChangeFeedRetentionOptions.PruneBatchSize"/>, each its own short write transaction.
/// <para>What is deleted is always a prefix of the feed: every entry up to some position, never one entry behind a
/// younger one kept (writers' clocks may disagree a little). So the oldest entry left tells a follower whether
/// anything after its position is gone (<see cref="ChangeFollower"/> then reloads every zone), and the newest
/// <see cref="ChangeFeedRetentionOptions.KeepAtLeast"/> entries (at least one) are never deleted, so the feed is
/// never empty once written to.</para>
/// <para>Several nodes may prune at once: they delete the same rows, which is harmless.</para></summary>
public sealed partial class ChangeFeedPruner
{
    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ChangeFeedRetentionOptions _options;
    private readonly ILogger<ChangeFeedPruner> _logger;

    internal ChangeFeedPruner(PlatformDatabase database, TimeProvider clock, IOptions<ChangeFeedRetentionOptions> options, ILogger<ChangeFeedPruner> logger)
    {
        _database = database;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The options in force.</summary>
    public ChangeFeedRetentionOptions Options => _options;

    /// <summary>Prunes everything due now; returns how many entries were deleted.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = _clock.Now() - _options.Retention;
        if (await KeepFromAsync(cancellationToken) is not { } keepFrom) return 0;
        int total = 0;
        long? through = null;
        while (await NextBatchEndAsync(keepFrom, cutoff, cancellationToken) is { } batch)
        {
            total += await DeleteThroughAsync(batch.Through, cancellationToken);
            through = batch.Through;
            if (!batch.More) break;
        }
        if (through is { } last) LogPruned(_logger, total, last);
        return total;
    }

    /// <summary>The oldest of the newest <see cref="ChangeFeedRetentionOptions.KeepAtLeast"/> entries: it and everything
    /// after it stay. Null when the feed holds no more than that. Read once per pruning: new entries only move it up.</summary>
    private async Task<long?> KeepFromAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.ChangeFeed.AsNoTracking().OrderByDescending(e => e.Position).Skip(_options.KeepAtLeast - 1)
            .Select(e => (long?)e.Position).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The last position of the next batch to delete (null when nothing is due), and whether the batch was
    /// cut by its size rather than by age or the entries kept. Read outside any write transaction.</summary>
    private async Task<(long Through, bool More)?> NextBatchEndAsync(long keepFrom, DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var oldest = await db.ChangeFeed.AsNoTracking().Where(e => e.Position < keepFrom).OrderBy(e => e.Position).Take(_options.PruneBatchSize)
            .Select(e => new { e.Position, e.At }).ToListAsync(cancellationToken);
        long? through = null;
        foreach (var entry in oldest)
        {
            if (entry.At >= cutoff) return through is { } stop ? (stop, false) : null;
            through = entry.Position;
        }
        return through is { } end ? (end, oldest.Count == _options.PruneBatchSize) : null;
    }

    private async Task<int> DeleteThroughAsync(long through, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        int deleted;
        await using (var command = transaction.Command("DELETE FROM change_feed WHERE position <= @through", ("@through", through)))
            deleted = await command.Command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Pruned {Count} change feed entries, up to position {Position}")]
    private static partial void LogPruned(ILogger logger, int count, long position);
}
