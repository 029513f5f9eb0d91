using Meridian.Platform.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Idempotency;

/// <summary>Deletes stored first answers older than 24 hours once an hour. A retry never sees an expired entry
/// either way (the store treats it as absent); this keeps the table from growing with keys nobody retries.</summary>
internal sealed partial class IdempotencySweep(IdempotencyStore store, TimeProvider clock, ILogger<IdempotencySweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int deleted = await store.DeleteExpiredAsync(stoppingToken);
                if (deleted > 0) LogSwept(logger, deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A database outage must not stop the host; the next tick tries again.
                LogSweepFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "Idempotency: deleted {Count} expired entries")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Idempotency: deleting expired entries failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
