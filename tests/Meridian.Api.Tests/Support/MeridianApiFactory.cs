using System.Net;
using Meridian.Dns.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Tests.Support;

/// <summary>The real `meridian serve` application in the test process: its own storage (a fresh SQLite
/// directory or a fresh PostgreSQL database, given as configuration settings), Kestrel on a loopback port
/// (so request-size limits and connection handling are the real ones, which the in-memory test server
/// does not enforce) and the real DNS server on loopback ports picked by the system.</summary>
public sealed class MeridianApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _storageSettings;
    private readonly TimeProvider _clock;
    private readonly CapturedLogs? _logs;

    /// <param name="clock">The application's clock (by default <see cref="SubMicrosecondClock"/>).</param>
    /// <param name="logs">Receives every log entry at every level (the console still gets warnings and worse).</param>
    public MeridianApiFactory(IReadOnlyDictionary<string, string> storageSettings, TimeProvider? clock = null, CapturedLogs? logs = null)
    {
        _storageSettings = storageSettings;
        _clock = clock ?? new SubMicrosecondClock();
        _logs = logs;
        UseKestrel(0);
    }

    /// <summary>The UDP (and TCP, same port) endpoint of the DNS server on 127.0.0.1.</summary>
    public IPEndPoint DnsEndpoint => Services.GetRequiredService<DnsServer>().Endpoints[0];

    /// <summary>The sandbox DNS server's endpoint on 127.0.0.1.</summary>
    public IPEndPoint SandboxDnsEndpoint => Services.GetRequiredService<Meridian.Server.Hosting.SandboxDns>().Server!.Endpoints[0];

    /// <summary>The endpoint on [::1]: queries to it come from ::1, which is not a trusted ECS source here.</summary>
    public IPEndPoint DnsEndpointV6 => Services.GetRequiredService<DnsServer>().Endpoints[1];

    /// <summary>Client networks for GeoDNS tests, placed by overrides so no geo database is involved.</summary>
    public static readonly IReadOnlyList<(string Network, string Country)> GeoNetworks =
    [
        ("198.51.100.0/24", "US"), ("198.51.101.0/24", "FR"), ("198.51.102.0/24", "DE"), ("198.51.103.0/24", "JP"),
        ("2001:db8:de::/48", "DE"),
    ];
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _storageSettings) builder.UseSetting(key, value);
        builder.UseSetting("Dns:Listen:0", "127.0.0.1:0");
        builder.UseSetting("Dns:Listen:1", "[::1]:0");
        builder.UseSetting("Dns:SandboxListen:0", "127.0.0.1:0");
        // One receive loop per address is plenty for tests and keeps threads down on a shared machine.
        builder.UseSetting("Dns:UdpWorkers", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // No database (whatever is installed under ./data/geo): clients are placed by the overrides only.
        builder.UseSetting("Geo:Database", Path.Combine(Path.GetTempPath(), "meridian-tests-no-geo-database.mmdb"));
        builder.UseSetting("Geo:WatchDatabase", "false");
        builder.UseSetting("Geo:Required", "false");
        for (int i = 0; i < GeoNetworks.Count; i++)
        {
            builder.UseSetting($"Geo:Overrides:{i}:Network", GeoNetworks[i].Network);
            builder.UseSetting($"Geo:Overrides:{i}:Country", GeoNetworks[i].Country);
        }
        // ECS is used only from IPv4 loopback, so a query over [::1] shows an untrusted source's option ignored.
        builder.UseSetting("Dns:Ecs:TrustedSources:0", "127.0.0.0/8");
        builder.ConfigureServices(services => services.AddSingleton(_clock));
        if (_logs is not null)
        {
            // A rule for this provider alone wins over the general levels, so it sees debug entries too.
            builder.ConfigureLogging(logging => logging.AddProvider(_logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        }
    }
}
