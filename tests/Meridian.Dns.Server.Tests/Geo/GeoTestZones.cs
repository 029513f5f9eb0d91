using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Dns.Server.Zones;
using Meridian.Dns.Wire;
using Meridian.Dns.ZoneFiles;
using Meridian.Geo;

namespace Meridian.Dns.Server.Tests.Geo;

/// <summary>Zones with geo-targeted records written as zone text, where a record line may end in
/// <c>; geo=US,EU</c>; and the clients of the tests, placed by overrides so no database is needed.</summary>
internal static class GeoTestZones
{
    /// <summary>The client networks: each ECS subnet the tests send sits in one country.</summary>
    public static GeoLocator Locator()
    {
        KeyValuePair<string, string>[] rules =
        [
            new("198.51.100.0/24", "US"), new("198.51.101.0/24", "FR"), new("198.51.102.0/24", "DE"),
            new("198.51.103.0/24", "JP"), new("198.51.104.0/24", "AT"), new("2001:db8:de::/48", "DE"),
            new("10.9.0.0/16", "US"),
        ];
        Assert.True(GeoOverrides.TryCreate(rules, out var overrides, out var error), error);
        return new GeoLocator(overrides);
    }

    /// <summary>Builds a snapshot: records read by the zone-file reader, targets from each line's <c>; geo=</c> comment.</summary>
    public static ZoneSnapshot Build(string origin, string text)
    {
        var recordLines = text.Split('\n').Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] != '$' && l[0] != ';').ToList();
        var reader = new ZoneFileReader(System.Text.Encoding.UTF8.GetBytes(text), new ZoneFileReaderOptions { Origin = DnsName.Parse(origin), FileName = "<test>" });
        var builder = new ZoneSnapshotBuilder(DnsName.Parse(origin));
        int line = 0;
        while (reader.TryReadNext(out var record))
        {
            var targets = TargetsOf(recordLines[line++]);
            Assert.True(builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out var error, targets), error);
        }
        Assert.Null(reader.Error);
        return builder.Build();
    }

    private static GeoTargetSet? TargetsOf(string line)
    {
        int at = line.IndexOf("; geo=", StringComparison.Ordinal);
        if (at < 0) return null;
        var codes = line[(at + 6)..].Split(',', StringSplitOptions.TrimEntries);
        Assert.True(GeoTargets.TryParse(codes, out var targets, out var error), error);
        return targets;
    }

    public static QueryProcessor Processor(ZoneSnapshot zone, EcsPolicy? ecs = null, GeoLocator? locator = null)
    {
        var zones = new ZoneSet();
        zones.Publish(zone);
        return new QueryProcessor(zones, 1232, locator ?? Locator(), ecs);
    }

    /// <summary>The database scripts/install-geo-db.sh installs; a test that needs it fails naming it when it is absent.</summary>
    public static string InstalledDatabase() => FindInstalledDatabase() ?? throw new InvalidOperationException(
        "data/geo/geo-whois-asn-country.mmdb is not installed (scripts/install-geo-db.sh, which ./test.sh runs, installs it) and this test needs it");

    private static string? FindInstalledDatabase()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) continue;
            var path = Path.Combine(dir.FullName, "data", "geo", "geo-whois-asn-country.mmdb");
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    /// <summary>The addresses of the A and AAAA records in a section, sorted, and the CNAME count.</summary>
    public static (List<string> Addresses, int Cnames, DnsRcode Rcode) Answer(QueryProcessor processor, byte[] query, DnsSection section = DnsSection.Answer,
        byte[]? source = null)
    {
        var response = new byte[4096];
        int length = processor.Handle(query, response, source ?? [127, 0, 0, 1], overTcp: false);
        Assert.True(length > 0, "the query was dropped");
        var names = new byte[DnsName.MaxWireLength];
        var reader = new DnsMessageReader(response.AsSpan(0, length), names);
        while (reader.TryReadQuestion(out _)) { }
        var addresses = new List<string>();
        int cnames = 0;
        while (reader.TryReadRecord(out var record))
        {
            if (record.Section != section) continue;
            if (record.Type is DnsType.A or DnsType.AAAA) addresses.Add(new IPAddress(record.Data).ToString());
            if (record.Type == DnsType.CNAME) cnames++;
        }
        addresses.Sort(StringComparer.Ordinal);
        return (addresses, cnames, QueryMessages.Read(response.AsSpan(0, length)).Rcode);
    }
}
