using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Hosting;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Meridian.Dns.ZoneFiles;
using Meridian.Geo;

// The GeoDNS case of bench/dns-load.sh (--geo). Two commands:
//   serve   --zone FILE --origin NAME --listen ADDR:PORT [--geo-percent 30]
//           Serves the zone with Meridian's DNS server (one UDP worker); the owners hostN with N % 100 < percent get
//           US, EU and JP variants of each A and AAAA record beside the global one. Client subnets are placed by
//           overrides (Subnets below), so the figures do not depend on a database. Runs until SIGTERM.
//   queries --in TEXT --out BINARY
//           Turns dnsperf's "name TYPE" lines into dnsperf -B input: each query carries an ECS option, cycling
//           through 1,792 /24 subnets: 1,536 in six countries, 256 of no known location.
return args.Length > 0 && args[0] == "serve" ? await Serve(Options(args)) :
       args.Length > 0 && args[0] == "queries" ? Queries(Options(args)) :
       Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Meridian.GeoLoad serve --zone FILE --origin NAME --listen ADDR:PORT [--geo-percent P] | queries --in FILE --out FILE");
    return 2;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 1; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
    return options;
}

static async Task<int> Serve(Dictionary<string, string> options)
{
    var origin = DnsName.Parse(options["--origin"]);
    int percent = int.Parse(options.GetValueOrDefault("--geo-percent", "30"), CultureInfo.InvariantCulture);
    GeoTargetSet[] variants = [Targets("US"), Targets("EU"), Targets("JP")];

    var records = new List<ZoneRecord>();
    var reader = ZoneFileReader.FromFile(options["--zone"], new ZoneFileReaderOptions { Origin = origin, FileName = options["--zone"] });
    int geoNames = 0;
    string? lastGeoOwner = null;
    while (reader.TryReadNext(out var record))
    {
        records.Add(new ZoneRecord(record.Owner, record.Type, record.Ttl, record.Data));
        if (record.Type is not (DnsType.A or DnsType.AAAA) || !IsGeoName(record.Owner, percent)) continue;
        string owner = record.Owner.ToString();
        if (owner != lastGeoOwner) (lastGeoOwner, geoNames) = (owner, geoNames + 1);
        for (int v = 0; v < variants.Length; v++)
        {
            var data = (byte[])record.Data.Clone();
            data[1] ^= (byte)(0x40 + v);   // another address for each variant
            records.Add(new ZoneRecord(record.Owner, record.Type, record.Ttl, data, variants[v]));
        }
    }
    if (reader.Error is not null) throw new InvalidOperationException(reader.Error.ToString());

    GeoOverrides.TryCreate(Overrides(), out var overrides, out var error);
    if (overrides is null) throw new InvalidOperationException(error);
    using var locator = new GeoLocator(overrides);
    using var server = new DnsServer(new DnsServerOptions { Listen = [options["--listen"]], UdpWorkers = 1 }, locator);
    server.PublishZone(origin, records);
    records.Clear();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    server.Start();
    Console.WriteLine($"serving {origin} with geo variants on {geoNames} names ({percent}% of hostN) on {server.Endpoints[0]}");

    var stop = new TaskCompletionSource();
    using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
    using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
    return 0;
}

static GeoTargetSet Targets(string code) =>
    GeoTargets.TryParse([code], out var targets, out var error) ? targets : throw new InvalidOperationException(error);

static bool IsGeoName(DnsName owner, int percent)
{
    string first = owner.ToString().Split('.')[0];
    return first.StartsWith("host", StringComparison.Ordinal)
        && int.TryParse(first.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n % 100 < percent;
}

static int Queries(Dictionary<string, string> options)
{
    var subnets = QuerySubnets().ToList();
    using var output = File.Create(options["--out"]);
    var buffer = new byte[512];
    var framed = new byte[514];
    int count = 0;
    foreach (string line in File.ReadLines(options["--in"]))
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !DnsTypeNames.TryParse(parts[1], out var type)) continue;
        string network = subnets[(int)((uint)count * 2654435761u % (uint)subnets.Count)];
        var prefix = IPNetwork.Parse(network);
        EdnsClientSubnet.TryCreate(prefix.BaseAddress, (byte)prefix.PrefixLength, 0, out var ecs);
        var writer = new DnsMessageWriter(buffer);
        writer.SetHeader(new DnsHeader { Id = 0 });
        writer.TryWriteQuestion(DnsName.Parse(parts[0]).Wire, type, DnsClass.IN);
        writer.TryWriteOpt(1232, dnssecOk: false, ecs);
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)writer.Length);
        writer.Written.CopyTo(framed.AsSpan(2));
        output.Write(framed, 0, writer.Length + 2);
        count++;
    }
    Console.WriteLine($"wrote {count} queries with ECS to {options["--out"]}");
    return 0;
}

// Clients: 100.64.0.0/16 to 100.70.0.0/16, each /16 in one country (the US twice), the last in none.
static string?[] ClientCountries() => ["US", "US", "FR", "DE", "JP", "BR", null];

static IEnumerable<KeyValuePair<string, string>> Overrides() =>
    ClientCountries().Select((country, i) => (country, i)).Where(c => c.country is not null)
        .Select(c => KeyValuePair.Create($"100.{64 + c.i}.0.0/16", c.country!));

// Every /24 of those networks: 1,792 subnets, 256 of them of no known location.
static IEnumerable<string> QuerySubnets()
{
    for (int x = 0; x < 256; x++)
        for (int c = 0; c < ClientCountries().Length; c++)
            yield return $"100.{64 + c}.{x}.0/24";
}
