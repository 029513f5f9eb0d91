using Meridian.Dns.Server.Hosting;

namespace Meridian.Server.Hosting;

/// <summary>Runs the authoritative DNS server for the lifetime of the host.</summary>
internal sealed partial class DnsHostedService(DnsServer server, ILogger<DnsHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        server.Start();
        var endpoints = server.Endpoints;
        LogListening(logger, endpoints);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        server.Dispose();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DNS listening on {Endpoints} (UDP and TCP)")]
    private static partial void LogListening(ILogger logger, IReadOnlyList<System.Net.IPEndPoint> endpoints);
}
