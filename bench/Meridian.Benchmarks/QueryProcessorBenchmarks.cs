using BenchmarkDotNet.Attributes;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;

namespace Meridian.Benchmarks;

/// <summary>The whole answering path without sockets: read a query, find the answer in a 10,000-name
/// zone, write the response. This is the DNS work per query, apart from the kernel's; it should stay
/// well under a microsecond and allocate nothing.</summary>
[MemoryDiagnoser]
public class QueryProcessorBenchmarks
{
    private readonly byte[] _response = new byte[1232];
    private QueryProcessor _processor = null!;
    private byte[] _hit = null!;
    private byte[] _nxdomain = null!;
    private byte[] _wildcard = null!;
    private byte[] _mx = null!;

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
    }

    private static byte[] Query(string name, DnsType type)
    {
        var buffer = new byte[512];
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 7, RecursionDesired = true });
        writer.TryWriteQuestion(DnsName.Parse(name).Wire, type, DnsClass.IN);
        writer.TryWriteOpt(1232, dnssecOk: false);
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
}
