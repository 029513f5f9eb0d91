using System.Globalization;
using Meridian.Dns.Server.Hosting;
using Npgsql;

namespace Meridian.Server.Hosting;

/// <summary>The descriptors the configured connection budgets can hold at once, against the process's limit:
/// HTTP connections, DNS TCP connections on each listen address, the listening and UDP sockets, the database
/// connection pools, and a reserve for everything else. <c>meridian serve</c> refuses to start when they do not
/// fit, so that no client can drive the process to EMFILE by opening connections.</summary>
internal sealed record ConnectionBudgets(int HttpConnections, int HttpUpgradedConnections, int DnsAddresses, int DnsTcpConnectionsPerAddress,
    int UdpSockets, int DatabaseConnections, long? DescriptorLimit, int HttpListeners = 1)
{
    /// <summary>Descriptors kept for the rest: the runtime keeps its assembly files open (about 220 of the 250
    /// descriptors an idle server holds), log files, SQLite's files, the geo database, and a connection Kestrel or
    /// a DNS listener accepts only to close at once.</summary>
    public const int Reserve = 512;

    /// <summary>Npgsql's default Max Pool Size.</summary>
    private const int DefaultPostgresPool = 100;

    /// <summary>Listening sockets: one per HTTP listener (HTTP, HTTPS), one TCP socket per DNS address.</summary>
    public int ListeningSockets => HttpListeners + DnsAddresses;

    /// <summary>Each HTTP listener (plain and HTTPS) holds its own budget of connections.</summary>
    public long Required =>
        ((long)HttpConnections + HttpUpgradedConnections) * HttpListeners + (long)DnsAddresses * DnsTcpConnectionsPerAddress + ListeningSockets + UdpSockets
        + DatabaseConnections + Reserve;

    /// <param name="sandboxAddresses">The sandbox DNS server's addresses (<c>Dns:SandboxListen</c>), which take the same
    /// per-address budgets as production's.</param>
    public static ConnectionBudgets Of(HttpLimitsOptions http, DnsServerOptions dns, ServeOptions serve, long? descriptorLimit, int sandboxAddresses = 0,
        int httpListeners = 1) =>
        new(Math.Max(http.MaxConnections, 0), Math.Max(http.MaxUpgradedConnections, 0), dns.Listen.Count + sandboxAddresses, Math.Max(dns.MaxTcpConnections, 0),
            (dns.Listen.Count + sandboxAddresses) * dns.EffectiveUdpWorkers, DatabaseConnectionsOf(serve), descriptorLimit, httpListeners);

    /// <summary>A problem naming the keys when the budgets do not fit the descriptor limit; empty when they do or the
    /// limit is unknown.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (DescriptorLimit is not long limit || Required <= limit) return [];
        return [string.Create(CultureInfo.InvariantCulture,
            $"the connection budgets need {Required} file descriptors but the process may open {limit} (RLIMIT_NOFILE): {Breakdown()}. Lower Http:MaxConnections or Dns:MaxTcpConnections (or list fewer Dns:Listen or Dns:SandboxListen addresses), or raise the limit (ulimit -n, systemd LimitNOFILE=, docker --ulimit nofile=)")];
    }

    /// <summary>Where the required descriptors go, naming the key behind each part.</summary>
    public string Breakdown() => string.Create(CultureInfo.InvariantCulture,
        $"{HttpConnections} HTTP (Http:MaxConnections) + {HttpUpgradedConnections} upgraded (Http:MaxUpgradedConnections){(HttpListeners > 1 ? $" x {HttpListeners} listeners (Meridian:Http, Meridian:Https)" : "")} + {DnsTcpConnectionsPerAddress} DNS TCP (Dns:MaxTcpConnections) x {DnsAddresses} address(es) (Dns:Listen, Dns:SandboxListen) + {ListeningSockets} listening + {UdpSockets} UDP sockets + {DatabaseConnections} database connections + {Reserve} reserve");

    /// <summary>PostgreSQL: the platform keeps two pools (EF Core's and the hand-written reads'), each up to Max Pool
    /// Size. SQLite's few files are part of the reserve.</summary>
    private static int DatabaseConnectionsOf(ServeOptions serve)
    {
        if (string.IsNullOrWhiteSpace(serve.Database)) return 0;
        try
        {
            return 2 * new NpgsqlConnectionStringBuilder(serve.Database).MaxPoolSize;
        }
        catch (ArgumentException)
        {
            return 2 * DefaultPostgresPool; // a bad connection string fails where it is used, with its own message
        }
    }
}
