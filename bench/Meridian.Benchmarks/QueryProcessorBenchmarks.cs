using BenchmarkDotNet.Attributes;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Meridian.Geo;

namespace Meridian.Benchmarks;

/// <summary>The whole answering path without sockets: read a query, find the answer in a 10,000-name
/// zone, write the response. This is the DNS work per query, apart from the kernel's; it should stay
/// well under a microsecond and allocate nothing. The Geo cases ask a zone where 30% of the names carry
/// US / EU / JP variants beside a global record, with an ECS subnet placed by overrides.</summary>
[MemoryDiagnoser]
public class QueryProcessorBenchmarks
{
    private readonly byte[] _response = new byte[1232];
    private QueryProcessor _processor = null!;
    private byte[] _hit = null!;
    private byte[] _nxdomain = null!;
    private byte[] _wildcard = null!;
    private byte[] _mx = null!;
    private QueryProcessor _geoProcessor = null!;
    private byte[] _ecsPlain = null!;
    private byte[] _geoCountry = null!;
    private byte[] _geoContinent = null!;
    private byte[] _geoGlobal = null!;
    private byte[] _cookieHit = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new System.Text.StringBuilder("""
            $ORIGIN bench.example.
            $TTL 3600
            @ SOA ns1 hostmaster 1 3600 900 604800 300
            @ NS ns1
            ns1 A 192.0.2.1
            mail A 192.0.2.3
            *.wild A 192.0.2.4

            """);
        for (int i = 0; i < 10000; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"host{i} A 10.0.{i / 256 % 256}.{i % 256}\n");
            if (i % 10 == 0) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"host{i} MX 10 mail\n");
        }
        var zones = new ZoneSet();
        zones.Publish(ZoneFileLoader.Parse(text.ToString(), DnsName.Parse("bench.example.")));
        _processor = new QueryProcessor(zones, 1232);
        _hit = Query("host1234.bench.example.", DnsType.A);
        _nxdomain = Query("missing.bench.example.", DnsType.A);
        _wildcard = Query("x.wild.bench.example.", DnsType.A);
        _mx = Query("host1230.bench.example.", DnsType.MX);
        _cookieHit = CookieQuery("host1234.bench.example.");

        var geoZones = new ZoneSet();
        geoZones.Publish(GeoZone());
        GeoOverrides.TryCreate([new("198.51.100.0/24", "US"), new("198.51.101.0/24", "FR"), new("198.51.102.0/24", "BR")], out var overrides, out _);
        _geoProcessor = new QueryProcessor(geoZones, 1232, new GeoLocator(overrides));
        _ecsPlain = Query("host1235.bench.example.", DnsType.A, "198.51.100.0/24");
        _geoCountry = Query("host1231.bench.example.", DnsType.A, "198.51.100.0/24");
        _geoContinent = Query("host1231.bench.example.", DnsType.A, "198.51.101.0/24");
        _geoGlobal = Query("host1231.bench.example.", DnsType.A, "198.51.102.0/24");
    }

    /// <summary>10,000 names; those with i % 10 &lt; 3 also have US, EU and JP variants.</summary>
    private static ZoneSnapshot GeoZone()
    {
        var origin = DnsName.Parse("bench.example.");
        var builder = new ZoneSnapshotBuilder(origin);
        builder.TryAdd(origin, DnsType.SOA, 3600, [2, 110, 115, 0, 2, 104, 109, 0, 0, 0, 0, 1, 0, 0, 14, 16, 0, 0, 3, 132, 0, 9, 58, 128, 0, 0, 1, 44], out _);
        GeoTargetSet us = Targets("US"), eu = Targets("EU"), jp = Targets("JP");
        for (int i = 0; i < 10000; i++)
        {
            var owner = DnsName.Parse($"host{i}.bench.example.");
            builder.TryAdd(owner, DnsType.A, 3600, [10, 0, (byte)(i / 256), (byte)i], out _);
            if (i % 10 >= 3) continue;
            builder.TryAdd(owner, DnsType.A, 3600, [10, 1, (byte)(i / 256), (byte)i], out _, us);
            builder.TryAdd(owner, DnsType.A, 3600, [10, 2, (byte)(i / 256), (byte)i], out _, eu);
            builder.TryAdd(owner, DnsType.A, 3600, [10, 3, (byte)(i / 256), (byte)i], out _, jp);
        }
        return builder.Build();
    }

    private static GeoTargetSet Targets(string code) =>
        GeoTargets.TryParse([code], out var targets, out var error) ? targets : throw new InvalidOperationException(error);

    internal static byte[] Query(string name, DnsType type, string? subnet = null)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 7, RecursionDesired = true });
        writer.TryWriteQuestion(DnsName.Parse(name).Wire, type, DnsClass.IN);
        if (subnet is null)
        {
            writer.TryWriteOpt(1232, dnssecOk: false);
        }
        else
        {
            var parts = subnet.Split('/');
            EdnsClientSubnet.TryCreate(System.Net.IPAddress.Parse(parts[0]), byte.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0, out var ecs);
            writer.TryWriteOpt(1232, dnssecOk: false, ecs);
        }
        return writer.Written.ToArray();
    }

    /// <summary>A hit asked with DO and a client cookie: the answer carries a server cookie (SipHash-2-4).</summary>
    [Benchmark]
    public int HitWithCookie() => _processor.Handle(_cookieHit, _response, [127, 0, 0, 1], overTcp: false);

    private static byte[] CookieQuery(string name)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 7, RecursionDesired = true });
        writer.TryWriteQuestion(DnsName.Parse(name).Wire, DnsType.A, DnsClass.IN);
        writer.TryWriteOpt(1232, dnssecOk: true, [0, 10, 0, 8, 1, 2, 3, 4, 5, 6, 7, 8]);
        return writer.Written.ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Hit() => _processor.Handle(_hit, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int NxDomain() => _processor.Handle(_nxdomain, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int Wildcard() => _processor.Handle(_wildcard, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int MxWithAdditional() => _processor.Handle(_mx, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int EcsNameWithoutGeo() => _geoProcessor.Handle(_ecsPlain, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int GeoByCountry() => _geoProcessor.Handle(_geoCountry, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int GeoByContinent() => _geoProcessor.Handle(_geoContinent, _response, [127, 0, 0, 1], overTcp: false);

    [Benchmark]
    public int GeoGlobalFallback() => _geoProcessor.Handle(_geoGlobal, _response, [127, 0, 0, 1], overTcp: false);
}
