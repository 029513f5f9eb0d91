using System.Net;
using Meridian.Dns.Server.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Tests.Support;

/// <summary>The real `meridian serve` application in the test process: its own storage (a fresh SQLite
/// directory or a fresh PostgreSQL database, given as configuration settings), Kestrel on a loopback port
/// (so request-size limits and connection handling are the real ones, which the in-memory test server
/// does not enforce) and the real DNS server on loopback ports picked by the system.</summary>
public sealed class MeridianApiFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _storageSettings;

    public MeridianApiFactory(IReadOnlyDictionary<string, string> storageSettings)
    {
        _storageSettings = storageSettings;
        UseKestrel(0);
    }

    /// <summary>The UDP (and TCP, same port) endpoint of the DNS server on 127.0.0.1.</summary>
    public IPEndPoint DnsEndpoint => Services.GetRequiredService<DnsServer>().Endpoints[0];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _storageSettings) builder.UseSetting(key, value);
        builder.UseSetting("Dns:Listen:0", "127.0.0.1:0");
        builder.UseSetting("Dns:Listen:1", "[::1]:0");
        // One receive loop per address is plenty for tests and keeps threads down on a shared machine.
        builder.UseSetting("Dns:UdpWorkers", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new SubMicrosecondClock()));
    }
}
