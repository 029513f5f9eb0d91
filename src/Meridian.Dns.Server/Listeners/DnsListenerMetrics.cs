using System.Diagnostics.Metrics;

namespace Meridian.Dns.Server.Listeners;

/// <summary>The listeners' instruments (meter <c>Meridian.Dns.Server</c>), for whatever exports metrics.</summary>
internal static class DnsListenerMetrics
{
    public const string MeterName = "Meridian.Dns.Server";

    private static readonly Meter s_meter = new(MeterName);

    public static readonly Counter<long> AcceptFailures = s_meter.CreateCounter<long>("meridian.dns.tcp.accept_failures",
        description: "TCP accepts that failed (EMFILE, ENFILE, ENOBUFS, …); each is followed by a back-off");

    public static readonly Counter<long> ConnectionsRefused = s_meter.CreateCounter<long>("meridian.dns.tcp.connections_refused",
        description: "TCP connections closed at once because their source held Dns:MaxTcpConnectionsPerSource already");

    public static readonly Counter<long> ConnectionsEvicted = s_meter.CreateCounter<long>("meridian.dns.tcp.connections_evicted",
        description: "idle TCP connections closed to admit a new one when Dns:MaxTcpConnections was reached");
}
