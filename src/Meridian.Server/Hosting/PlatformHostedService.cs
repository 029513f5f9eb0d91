using Meridian.Platform;
using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Server.Hosting;

/// <summary>Before anything is served: migrate the database, publish every zone to the DNS server, and on
/// the very first start of an API node create the admin account and print its API key once.</summary>
internal sealed partial class PlatformHostedService(PlatformStartup startup, AccountService accounts, ApiKeyService keys,
    Following.NodeRole role, ILogger<PlatformHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        int zones = await startup.StartAsync(cancellationToken);
        long elapsedMilliseconds = (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogPublished(logger, zones, elapsedMilliseconds);
        // Edge nodes serve DNS only; the first API node makes the admin account.
        if (!role.ServesApis) return;
        var all = await accounts.ListAsync(cancellationToken);
        if (all.Any(a => a.Kind == AccountKind.Admin)) return;

        var admin = await accounts.CreateAsync(AccountKind.Admin, "admin", cancellationToken: cancellationToken);
        if (!admin.Succeeded) throw new InvalidOperationException($"cannot create the admin account: {admin.Error.Message}");
        var key = await keys.IssueAsync(admin.Value.Id, "initial admin key", ApiEnvironment.Production, cancellationToken: cancellationToken);
        if (!key.Succeeded) throw new InvalidOperationException($"cannot issue the admin key: {key.Error.Message}");
        // Printed to the console only, never logged: logs are kept and shipped, this key must not be.
        Console.Out.WriteLine("First start: created the admin account. Its API key is shown this once:");
        Console.Out.WriteLine(key.Value.Token);
        Console.Out.Flush();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The time covers the migration check too: what an operator waits for before the first answer.
    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Published {Zones} zone(s) to the DNS server in {Milliseconds} ms")]
    private static partial void LogPublished(ILogger logger, int zones, long milliseconds);
}
