using Meridian.Platform.Following;

namespace Meridian.Server.Following;

/// <summary>Runs the <see cref="ChangeFeedPruner"/> every <see cref="ChangeFeedRetentionOptions.PruneInterval"/> on a
/// serving node. A database that cannot be reached is logged (once until it answers again) and tried at the next interval;
/// the feed only grows meanwhile.</summary>
internal sealed partial class ChangeFeedPruningHostedService(ChangeFeedPruner pruner, ILogger<ChangeFeedPruningHostedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(pruner.Options.PruneInterval);
        bool failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await pruner.PruneAsync(stoppingToken);
                    failing = false;
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or TimeoutException
                    or System.Net.Sockets.SocketException || (e is OperationCanceledException && !stoppingToken.IsCancellationRequested))
                {
                    if (!failing) LogPruneFailed(logger, e.GetType().Name, e.Message);
                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(EventId = 3109, Level = LogLevel.Warning, Message = "Cannot prune the change feed now, trying again at the next interval: {Error}: {Message}")]
    private static partial void LogPruneFailed(ILogger logger, string error, string message);
}
