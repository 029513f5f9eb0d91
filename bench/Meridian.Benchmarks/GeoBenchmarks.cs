using BenchmarkDotNet.Attributes;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;

namespace Meridian.Benchmarks;

/// <summary>GeoDNS work that must allocate nothing per query (these replaced allocation assertions that used to sit
/// in the tests): choosing among a name's variants for clients in several places, and answering with the real
/// country database that scripts/install-geo-db.sh installs (repeat clients, IPv4 and IPv6 subnets). The
/// Allocated column must read 0 B (or "-").</summary>
[MemoryDiagnoser]
public class GeoBenchmarks : IDisposable
{
    private readonly byte[] _response = new byte[1232];
    private readonly int[] _chosen = new int[5];
    private GeoCandidate[] _candidates = null!;
    private GeoLocation[] _clients = null!;
    private GeoLocator _locator = null!;
    private QueryProcessor _processor = null!;
    private byte[][] _queries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _candidates = [.. new[] { "US", "DACH", "EU", "EMEA", "JP" }.Select((code, i) => new GeoCandidate(i, Targets(code)))];
        _clients = [In("DE"), In("FR"), In("ZA"), In("BR"), In("US"), GeoLocation.Unknown];

        string database = InstalledDatabase() ?? throw new InvalidOperationException(
            "data/geo/geo-whois-asn-country.mmdb is not installed: run scripts/install-geo-db.sh");
        _locator = new GeoLocator();
        if (!_locator.TryLoad(database, out string? error)) throw new InvalidOperationException(error);
        var zones = new ZoneSet();
        zones.Publish(Zone());
        _processor = new QueryProcessor(zones, 1232, _locator);
        _queries = [.. new[] { "8.8.8.0/24", "1.1.1.0/24", "2001:4860:4860::/48", "193.0.0.0/21" }.Select(subnet => QueryProcessorBenchmarks.Query("www.example.", DnsType.A, subnet))];
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _locator?.Dispose();
    }

    /// <summary>Six clients (five countries and an unknown one) choosing among five variants.</summary>
    [Benchmark]
    public int SelectForSixClients()
    {
        int chosen = 0;
        foreach (var client in _clients) chosen += GeoSelector.Select(client, _candidates, _chosen).Count;
        return chosen;
    }

    /// <summary>Four queries located through the real database (US, AU, US over IPv6, NL).</summary>
    [Benchmark]
    public int AnswerFourClientsFromTheRealDatabase()
    {
        int length = 0;
        foreach (var query in _queries) length += _processor.Handle(query, _response, [127, 0, 0, 1], overTcp: false);
        return length;
    }

    private static GeoTargetSet Targets(string code) =>
        GeoTargets.TryParse([code], out var targets, out var error) ? targets : throw new InvalidOperationException(error);

    private static GeoLocation In(string country) =>
        Countries.TryGet(country, out var info) ? new GeoLocation(info) : throw new InvalidOperationException(country);

    private static ZoneSnapshot Zone()
    {
        var origin = DnsName.Parse("example.");
        var builder = new ZoneSnapshotBuilder(origin);
        var soa = new List<byte>();
        soa.AddRange(DnsName.Parse("ns1.example.").Wire.ToArray());
        soa.AddRange(DnsName.Parse("hostmaster.example.").Wire.ToArray());
        foreach (uint value in new[] { 1u, 3600u, 900u, 604800u, 300u })
            soa.AddRange([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        Add(builder, origin, DnsType.SOA, [.. soa], GeoTargetSet.Global);
        Add(builder, origin, DnsType.NS, DnsName.Parse("ns1.example.").Wire.ToArray(), GeoTargetSet.Global);
        var www = DnsName.Parse("www.example.");
        Add(builder, www, DnsType.A, [192, 0, 2, 10], Targets("US"));
        Add(builder, www, DnsType.A, [192, 0, 2, 20], Targets("EU"));
        Add(builder, www, DnsType.A, [192, 0, 2, 30], GeoTargetSet.Global);
        return builder.Build();
    }

    private static void Add(ZoneSnapshotBuilder builder, DnsName owner, DnsType type, byte[] data, GeoTargetSet targets)
    {
        if (!builder.TryAdd(owner, type, 300, data, out string? error, targets)) throw new InvalidOperationException(error);
    }

    private static string? InstalledDatabase()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) continue;
            string path = Path.Combine(dir.FullName, "data", "geo", "geo-whois-asn-country.mmdb");
            return File.Exists(path) ? path : null;
        }
        return null;
    }
}
