using System.Net;
using Meridian.Dns.Server.Answering;

namespace Meridian.Dns.Server.Hosting;

/// <summary>Where and how the DNS listeners run (configuration section "Dns").</summary>
public sealed class DnsServerOptions
{
    /// <summary>The default listen port: unprivileged, so Meridian runs without root.</summary>
    public const int DefaultPort = 5300;

    /// <summary>Addresses to answer on, each for UDP and TCP ("127.0.0.1:5300", "[::1]:5300").</summary>
    public List<string> Listen { get; init; } = ["127.0.0.1:5300", "[::1]:5300"];

    /// <summary>UDP receive loops per address; 0 means one per processor core.</summary>
    public int UdpWorkers { get; init; }

    /// <summary>The UDP size we advertise and use when a query's EDNS asks for more (RFC 6891 §6.2.5,
    /// 1232 is the DNS Flag Day 2020 value that avoids fragmentation).</summary>
    public int MaxUdpPayload { get; init; } = 1232;

    /// <summary>Use recvmmsg/sendmmsg batches on Linux (the fast path); false forces one datagram per
    /// system call, as on other platforms.</summary>
    public bool BatchedUdp { get; init; } = true;

    /// <summary>How long an idle TCP connection is kept open (RFC 7766 §6.2.3).</summary>
    public TimeSpan TcpIdleTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Concurrent TCP connections per address. When it is reached, the connection idle the longest is
    /// closed to admit a new one (RFC 7766 §6.2.3).</summary>
    public int MaxTcpConnections { get; init; } = 1000;

    /// <summary>Concurrent TCP connections one source (an IPv4 address, or an IPv6 /64) may hold per address;
    /// more are closed at once. Above <see cref="MaxTcpConnections"/> it has no effect.</summary>
    public int MaxTcpConnectionsPerSource { get; init; } = 50;

    /// <summary>Whose EDNS Client Subnet options decide a client's location.</summary>
    public DnsEcsOptions Ecs { get; init; } = new();

    public int EffectiveUdpWorkers => UdpWorkers > 0 ? UdpWorkers : Environment.ProcessorCount;

    /// <summary>Parses "ADDR:PORT", "[V6]:PORT", or a bare address (port 5300).</summary>
    public static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (IPEndPoint.TryParse(text, out var parsed))
        {
            endpoint = parsed.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal) ? new IPEndPoint(parsed.Address, DefaultPort) : parsed;
            return true;
        }
        return false;
    }

    /// <summary>Checks the options, returning the problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Listen.Count == 0) problems.Add("Dns:Listen must name at least one address");
        foreach (var item in Listen)
        {
            if (!TryParseEndpoint(item, out _)) problems.Add($"Dns:Listen: '{item}' is not ADDRESS:PORT");
        }
        if (MaxUdpPayload is < 512 or > 65535) problems.Add("Dns:MaxUdpPayload must be 512 to 65535");
        if (UdpWorkers < 0) problems.Add("Dns:UdpWorkers must be 0 (one per core) or more");
        if (MaxTcpConnections < 1) problems.Add("Dns:MaxTcpConnections must be at least 1");
        if (MaxTcpConnectionsPerSource < 1) problems.Add("Dns:MaxTcpConnectionsPerSource must be at least 1");
        if (TcpIdleTimeout <= TimeSpan.Zero) problems.Add("Dns:TcpIdleTimeout must be positive");
        if (!EcsPolicy.TryCreate(Ecs.Enabled, Ecs.TrustedSources, out _, out var ecsError)) problems.Add(ecsError);
        return problems;
    }
}
