using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Meridian.Dns.Names;
using Meridian.Dns.ZoneFiles;

namespace Meridian.Benchmarks;

/// <summary>Reading zone files: a 10,000-record zone of mixed A/AAAA/MX/TXT/CNAME records with relative
/// names, held in memory. <see cref="ReadZoneFile"/> is the reader alone; <see cref="CheckZoneFile"/> adds
/// what <c>meridian zone check</c> does after it (BIND's storing rules, sorting, printing).</summary>
[MemoryDiagnoser]
public class ZoneFileBenchmarks
{
    private static readonly DnsName s_origin = DnsName.Parse("bench.example.");
    private byte[] _zone = [];

    [Params(10_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _zone = GenerateZone(Records);

    [Benchmark]
    public int ReadZoneFile()
    {
        var reader = new ZoneFileReader(_zone, new ZoneFileReaderOptions { Origin = s_origin });
        int count = 0;
        while (reader.TryReadNext(out _)) count++;
        return reader.Error is null ? count : throw new InvalidOperationException(reader.Error.ToString());
    }

    [Benchmark]
    public int CheckZoneFile()
    {
        var reader = new ZoneFileReader(_zone, new ZoneFileReaderOptions { Origin = s_origin });
        var builder = new CompiledZoneBuilder(s_origin, Meridian.Dns.Records.DnsClass.IN, capacity: Records + 16);
        while (reader.TryReadNext(out var record)) builder.Add(record, reader.Position, reader.Group);
        var zone = builder.Build();
        if (ZoneValidator.Validate(zone, "bench.zone").Count > 0) throw new InvalidOperationException("invalid zone");
        CompiledZonePrinter.Write(zone, TextWriter.Null);
        return zone.RRsets.Count;
    }

    /// <summary>The same zone bench/zone-read.sh generates (there with awk), at any size.</summary>
    public static byte[] GenerateZone(int records)
    {
        var text = new StringBuilder(records * 32);
        text.Append("$ORIGIN bench.example.\n$TTL 3600\n@ IN SOA ns1 hostmaster 2024010101 7200 3600 1209600 300\n")
            .Append("@ IN NS ns1\n@ IN NS ns2\nns1 IN A 192.0.2.1\nns2 IN A 192.0.2.2\n");
        var invariant = CultureInfo.InvariantCulture;
        for (int written = 0, h = 1; written < records; h++)
        {
            switch (h % 10)
            {
                case < 4:
                    text.Append(invariant, $"h{h} IN A 10.{h / 65536 % 256}.{h / 256 % 256}.{h % 256}\n");
                    text.Append(invariant, $"  300 IN AAAA 2001:db8::{h / 65536:x}:{h % 65536:x}\n");
                    written += 2;
                    break;
                case < 6:
                    text.Append(invariant, $"h{h} MX 10 mx{h % 100}\n\tMX 20 mx{h % 7}.example.net.\n");
                    written += 2;
                    break;
                case < 8:
                    text.Append(invariant, $"h{h} 600 TXT \"v=spf1 include:_spf.example.net ~all\" \"id {h}\"\n");
                    written++;
                    break;
                default:
                    text.Append(invariant, $"h{h} CNAME h{h - 1}\n");
                    written++;
                    break;
            }
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
