namespace Meridian.Server.Hosting;

/// <summary>Logs the descriptor limit and the connection budgets once at start, so an operator sees both side by side.</summary>
internal sealed partial class ConnectionBudgetsReport(ConnectionBudgets budgets, ILogger<ConnectionBudgetsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        int? open = DescriptorLimit.OpenNow();
        string breakdown = budgets.Breakdown();
        LogBudgets(logger, budgets.DescriptorLimit, open, budgets.Required, breakdown);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "File descriptors: limit {Limit} (RLIMIT_NOFILE; empty: unknown or unlimited), {Open} open now; the connection budgets take at most {Required}: {Breakdown}")]
    private static partial void LogBudgets(ILogger logger, long? limit, int? open, long required, string breakdown);
}
