using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Zones;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Dns;

/// <summary>The test zones, served by Meridian in-process and (when installed) by Knot DNS, started once
/// for all tests that share this fixture.</summary>
public sealed class ServedZones : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["example."] = Path.Combine(AppContext.BaseDirectory, "Zones", "example.zone"),
        ["second.test."] = Path.Combine(AppContext.BaseDirectory, "Zones", "second.test.zone"),
    };

    private readonly DnsServer _meridian;
    private readonly KnotServer? _knot;

    public ServedZones()
    {
        int port = ExternalTool.FreePort();
        _meridian = new DnsServer(new DnsServerOptions { Listen = [$"127.0.0.1:{port}"], UdpWorkers = 2 });
        foreach (var (origin, path) in Files) _meridian.Publish(ZoneFileLoader.Load(path, DnsName.Parse(origin)));
        _meridian.Start();
        Meridian = _meridian.Endpoints[0];
        if (KnotServer.IsAvailable) _knot = new KnotServer(Files);
    }

    public IPEndPoint Meridian { get; }

    public IPEndPoint? Knot => _knot?.Endpoint;

    internal DnsServer Server => _meridian;

    public void Dispose()
    {
        _meridian.Dispose();
        _knot?.Dispose();
    }
}
