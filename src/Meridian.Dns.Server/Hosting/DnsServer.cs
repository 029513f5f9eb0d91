using System.Net;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Listeners;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Meridian.Dns.Server.Hosting;

/// <summary>The authoritative server: the zone set and the UDP and TCP listeners on each address.</summary>
public sealed class DnsServer : IDisposable
{
    private readonly DnsServerOptions _options;
    private readonly GeoLocator? _geo;
    private readonly EcsPolicy _ecs;

    // One cookie secret per server, made at start: a cookie one worker gave is good at every other.
    private readonly Cookies.DnsCookies _cookies = new();
    private readonly ILoggerFactory _loggers;
    private readonly List<UdpListener> _udp = [];
    private readonly List<DnsTcpListener> _tcp = [];
    private volatile bool _started;
    private volatile bool _disposed;

    /// <param name="geo">Locates clients for geo-targeted records (DESIGN "GeoDNS semantics"); without one every
    /// client is of unknown location. The server uses it but does not own it.</param>
    /// <param name="loggers">Where the listeners report trouble (a failing accept); none: not logged.</param>
    /// <param name="name">The server's name in metrics ("production", "sandbox").</param>
    public DnsServer(DnsServerOptions options, GeoLocator? geo = null, ILoggerFactory? loggers = null, string name = "production")
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _options = options;
        _geo = geo;
        EcsPolicy.TryCreate(options.Ecs.Enabled, options.Ecs.TrustedSources, out var ecs, out _);
        _ecs = ecs ?? EcsPolicy.TrustEveryone;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        Statistics = new ListenerStatistics(_loggers.CreateLogger<DnsServer>());
        _counters = new DnsServerCounters(name, Statistics, () => Zones.Count, () => RecordCount);
    }

    private readonly DnsServerCounters _counters;

    internal ZoneSet Zones { get; } = new();

    /// <summary>TSIG, AXFR and IXFR (set before <see cref="Start"/>); null: TSIG is ignored and transfers get NOTIMP.</summary>
    public Transfer.ZoneTransferServices? Transfers
    {
        get => _transferServices;
        set
        {
            _transferServices = value;
            _transfers = value is null ? null : new Transfer.ZoneTransferServer(Zones, value);
            _updates = value?.Updates is { } updates ? new Update.DnsUpdateServer(value.Tsig, updates, _loggers.CreateLogger<Update.DnsUpdateServer>()) : null;
        }
    }

    private Transfer.ZoneTransferServices? _transferServices;
    private Transfer.ZoneTransferServer? _transfers;
    private Update.DnsUpdateServer? _updates;

    internal ListenerStatistics Statistics { get; }

    /// <summary>How many zones are served.</summary>
    public int ZoneCount => Zones.Count;

    /// <summary>How many records the served zones hold (a walk over the zones: for metrics, not per query).</summary>
    public long RecordCount
    {
        get
        {
            long records = 0;
            foreach (var zone in Zones.Zones) records += zone.RecordCount;
            return records;
        }
    }

    /// <summary>The bound endpoints (ports resolved when 0 was asked for), UDP and TCP alike.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints => _udp.Select(u => u.LocalEndPoint).ToList();

    public IReadOnlyList<IPEndPoint> TcpEndpoints => _tcp.Select(t => t.LocalEndPoint).ToList();

    /// <summary>True once started and until disposed while every UDP receive loop and TCP accept loop runs.</summary>
    public bool IsListening => _started && !_disposed && _udp.All(u => u.IsReceiving) && _tcp.All(t => t.IsAccepting);

    /// <summary>Binds every address and starts answering.</summary>
    public void Start()
    {
        var tcpLimits = new TcpLimits(_options.TcpIdleTimeout, _options.MaxTcpConnections, _options.MaxTcpConnectionsPerSource);
        var tcpLogger = _loggers.CreateLogger<DnsTcpListener>();
        foreach (var item in _options.Listen)
        {
            if (!DnsServerOptions.TryParseEndpoint(item, out var endpoint)) throw new InvalidOperationException($"bad listen address '{item}'");
            for (int attempt = 0; ; attempt++)
            {
                var udp = new UdpListener(endpoint, _options.EffectiveUdpWorkers, _options.MaxUdpPayload, _options.BatchedUdp, CreateHandler, Statistics);
                DnsTcpListener tcp;
                try
                {
                    // TCP takes the same port as UDP, including when the port was picked by the system.
                    tcp = new DnsTcpListener(new IPEndPoint(endpoint.Address, udp.LocalEndPoint.Port), CreateHandler, Statistics, tcpLimits, tcpLogger, _transfers, _updates);
                }
                catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse && endpoint.Port == 0 && attempt < 20)
                {
                    // The system's free UDP port is taken for TCP: let it pick another pair.
                    udp.Dispose();
                    continue;
                }
                _udp.Add(udp);
                _tcp.Add(tcp);
                break;
            }
        }
        foreach (var udp in _udp) udp.Start();
        foreach (var tcp in _tcp) tcp.Start();
        DnsListenerMetrics.Register(_counters);
        _started = true;
    }

    /// <summary>Starts answering for a zone, or replaces it atomically.</summary>
    internal void Publish(ZoneSnapshot zone) => Zones.Publish(zone);

    /// <summary>Reads a zone file and serves it, replacing any previous version only once the new one
    /// has loaded completely; throws <see cref="ZoneLoadException"/> for a file that cannot be served.</summary>
    public void PublishZoneFile(string path, Meridian.Dns.Names.DnsName origin) => Zones.Publish(ZoneFileLoader.Load(path, origin));

    /// <summary>Builds a zone from records and serves it, replacing any previous version atomically:
    /// queries see the old zone or the new one, never a mix. Throws <see cref="ZoneLoadException"/> when
    /// a record lies outside the zone or the apex has no SOA.</summary>
    public void PublishZone(Meridian.Dns.Names.DnsName origin, IEnumerable<ZoneRecord> records)
    {
        var builder = records.TryGetNonEnumeratedCount(out int count) ? new ZoneSnapshotBuilder(origin, count) : new ZoneSnapshotBuilder(origin);
        bool soa = false;
        foreach (var record in records)
        {
            if (!builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out var error, record.Targets))
                throw new ZoneLoadException($"{record.Owner}: {error}");
            soa |= record.Type == Meridian.Dns.Records.DnsType.SOA && record.Owner.Equals(origin);
        }
        if (!soa) throw new ZoneLoadException($"zone {origin} has no SOA record at its apex");
        Zones.Publish(builder.Build());
    }

    /// <summary>Changes a served zone by replacing the records of some names (the apex with its new SOA
    /// among them, as a rule), atomically, at a cost that follows the size of the change rather than of the
    /// zone. False, with nothing changed, when the zone is not served or is not at
    /// <paramref name="expectedSerial"/> (the caller then publishes it whole). Throws
    /// <see cref="ZoneLoadException"/> for a record outside the zone or an apex left without SOA.</summary>
    public bool TryUpdateZone(Meridian.Dns.Names.DnsName origin, uint expectedSerial, IReadOnlyList<NameRecords> changes)
    {
        var current = Zones.Find(origin);
        if (current is null || current.Serial != expectedSerial) return false;
        return Zones.Replace(current, ZoneSnapshotPatcher.Apply(current, changes));
    }

    /// <summary>Stops answering for a zone; false when it was not served.</summary>
    public bool RemoveZone(Meridian.Dns.Names.DnsName origin) => Zones.Remove(origin);

    /// <summary>The serial of a served zone's SOA, or null when the zone is not served.</summary>
    public uint? ServedSerial(Meridian.Dns.Names.DnsName origin) => Zones.Find(origin)?.Serial;

    private QueryProcessor CreateHandler() => new(Zones, _options.MaxUdpPayload, _geo, _ecs, _transfers, _cookies, _updates);

    public void Dispose()
    {
        // The host stops the server and then its container disposes it again; the second call does nothing.
        if (_disposed) return;
        _disposed = true;
        DnsListenerMetrics.Unregister(_counters);
        foreach (var udp in _udp) udp.Dispose();
        foreach (var tcp in _tcp) tcp.Dispose();
    }
}
