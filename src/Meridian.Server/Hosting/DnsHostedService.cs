using Meridian.Dns.Server.Hosting;

namespace Meridian.Server.Hosting;

/// <summary>Runs the authoritative DNS servers (production's and the sandbox's) for the lifetime of the host.</summary>
internal sealed partial class DnsHostedService(DnsServer server, SandboxDns sandbox, ILogger<DnsHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.Start();
        LogListening(logger, server.Endpoints);
        if (sandbox.Server is { } sandboxServer)
        {
            sandboxServer.Start();
            LogSandboxListening(logger, sandboxServer.Endpoints);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Dispose();
        sandbox.Dispose();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DNS listening on {Endpoints} (UDP and TCP)")]
    private static partial void LogListening(ILogger logger, IReadOnlyList<System.Net.IPEndPoint> endpoints);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Sandbox DNS listening on {Endpoints} (UDP and TCP)")]
    private static partial void LogSandboxListening(ILogger logger, IReadOnlyList<System.Net.IPEndPoint> endpoints);
}
