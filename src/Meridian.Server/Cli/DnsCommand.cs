using System.Runtime.InteropServices;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;
using Meridian.Server.Geo;
using Microsoft.Extensions.Logging.Console;

namespace Meridian.Server.Cli;

/// <summary><c>meridian dns --zone NAME=FILE [--zone …] [--listen ADDR:PORT …] [--udp-workers N]
/// [--geo-database FILE] [--geo-override CIDR=CC …]</c>: serves zone files directly, without the management
/// plane. SIGHUP reloads every zone file (a file that no longer loads keeps its previous version in service)
/// and the geo database; SIGTERM or Ctrl-C stops.</summary>
internal static class DnsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var zones = new List<(DnsName Origin, string Path)>();
        var listen = new List<string>();
        int workers = 0;
        // ./data/geo when there is one, else the database shipped beside the binary.
        string geoDatabase = new GeoOptions().ChooseDatabase("data").Path;
        var geoOverrides = new List<KeyValuePair<string, string>>();
        var allowTransfer = new List<System.Net.IPNetwork>();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--zone" when value is not null && value.Contains('=', StringComparison.Ordinal):
                    var parts = value.Split('=', 2);
                    if (!DnsName.TryParseUserInput(parts[0], out var origin, out var error))
                        return await Fail(stderr, $"--zone {value}: bad zone name: {error}");
                    zones.Add((origin, parts[1]));
                    i++;
                    break;
                case "--listen" when value is not null:
                    listen.Add(value);
                    i++;
                    break;
                case "--udp-workers" when value is not null && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out workers) && workers >= 0:
                    i++;
                    break;
                case "--allow-transfer" when value is not null && System.Net.IPNetwork.TryParse(value, out var network):
                    allowTransfer.Add(network);
                    i++;
                    break;
                case "--geo-database" when value is not null:
                    geoDatabase = value;
                    i++;
                    break;
                case "--geo-override" when value is not null && value.Contains('=', StringComparison.Ordinal):
                    var rule = value.Split('=', 2);
                    geoOverrides.Add(KeyValuePair.Create(rule[0], rule[1]));
                    i++;
                    break;
                default:
                    return await Fail(stderr, $"unexpected argument '{args[i]}'");
            }
        }
        if (zones.Count == 0) return await Fail(stderr, "at least one --zone NAME=FILE is required");

        var options = listen.Count > 0 ? new DnsServerOptions { Listen = listen, UdpWorkers = workers } : new DnsServerOptions { UdpWorkers = workers };
        var problems = options.Validate();
        if (problems.Count > 0) return await Fail(stderr, string.Join("; ", problems));

        if (!GeoOverrides.TryCreate(geoOverrides, out var overrides, out var overrideError)) return await Fail(stderr, overrideError);
        using var geo = new GeoLocator(overrides);
        using var geoLoader = new GeoDatabaseLoader(geo, geoDatabase, info => stdout.WriteLine($"meridian dns: {info}"),
            warning => stderr.WriteLine($"meridian dns: {warning}"));
        geoLoader.Start(watch: true);
        // The listeners report trouble (a failing accept) on stderr, as the warnings above.
        using var loggers = LoggerFactory.Create(logging =>
        {
            logging.AddSimpleConsole(format => format.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        });
        using var server = new DnsServer(options, geo, loggers);
        // AXFR of the files' zones to these networks (no TSIG, no journal: IXFR answers with the whole zone).
        if (allowTransfer.Count > 0)
        {
            server.Transfers = new Meridian.Dns.Server.Transfer.ZoneTransferServices(
                new Meridian.Dns.Server.Tsig.TsigVerifier(new Meridian.Dns.Server.Tsig.StaticTsigKeyring([])),
                new Meridian.Dns.Server.Transfer.NetworkTransferAccess(allowTransfer));
        }
        foreach (var (origin, path) in zones)
        {
            try
            {
                server.PublishZoneFile(path, origin);
            }
            catch (Exception e) when (e is ZoneLoadException or IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"meridian dns: {e.Message}");
                return 1;
            }
        }
        // Settle the heap after loading: the zones are long-lived, the reader's garbage is not.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            server.Start();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await stderr.WriteLineAsync($"meridian dns: cannot listen: {e.Message}");
            return 1;
        }
        await stdout.WriteLineAsync($"meridian dns: serving {zones.Count} zone(s) on {string.Join(", ", server.Endpoints)} (UDP and TCP)");
        await stdout.FlushAsync();

        var stop = new TaskCompletionSource();
        using var onHangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            Reload(server, zones, stdout, stderr);
            geoLoader.Reload();
        });
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        await stdout.WriteLineAsync("meridian dns: stopped");
        return 0;
    }

    private static void Reload(DnsServer server, List<(DnsName Origin, string Path)> zones, TextWriter stdout, TextWriter stderr)
    {
        foreach (var (origin, path) in zones)
        {
            try
            {
                server.PublishZoneFile(path, origin);
                stdout.WriteLine($"meridian dns: reloaded {origin} from {path}");
            }
            catch (Exception e) when (e is ZoneLoadException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"meridian dns: kept the previous {origin}: {e.Message}");
            }
        }
        stdout.Flush();
    }

    private static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync($"meridian dns: {message}");
        await stderr.WriteLineAsync("usage: meridian dns --zone NAME=FILE [--zone NAME=FILE …] [--listen ADDR:PORT …] [--udp-workers N] [--geo-database FILE] [--geo-override CIDR=CC …] [--allow-transfer CIDR …]");
        return 2;
    }
}
