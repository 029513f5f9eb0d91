using System.Runtime.CompilerServices;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Tests.Geo;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;

namespace Meridian.Dns.Server.Tests.Zones;

public class ZoneSnapshotGeoTests
{
    private static readonly byte[] s_soa = [2, 110, 115, 0, 2, 104, 109, 0, 0, 0, 0, 1, 0, 0, 14, 16, 0, 0, 3, 132, 0, 9, 58, 128, 0, 0, 1, 44];

    private static GeoTargetSet Targets(params string[] codes)
    {
        Assert.True(GeoTargets.TryParse(codes, out var targets, out var error), error);
        return targets;
    }

    private static ZoneSnapshot Build(params (byte[] Data, GeoTargetSet? Targets)[] records)
    {
        var origin = DnsName.Parse("example.");
        var builder = new ZoneSnapshotBuilder(origin);
        Assert.True(builder.TryAdd(origin, DnsType.SOA, 3600, s_soa, out _));
        foreach (var (data, targets) in records)
            Assert.True(builder.TryAdd(DnsName.Parse("www.example."), DnsType.A, 300, data, out _, targets));
        return builder.Build();
    }

    private static (int RRset, ZoneSnapshot Zone) Www(ZoneSnapshot zone) =>
        (zone.FindRRset(zone.FindNode(DnsName.Parse("www.example.").Wire), DnsType.A), zone);

    [Fact]
    public void A_zone_without_targeted_records_keeps_no_target_indexes()
    {
        var (rrset, zone) = Www(Build(([192, 0, 2, 1], null), ([192, 0, 2, 2], GeoTargetSet.Global)));

        Assert.False(zone.HasTargets);
        Assert.False(zone.RRset(rrset).Targeted);
        Assert.Same(GeoTargetSet.Global, zone.RecordTargets(zone.RRset(rrset).FirstRdata));
    }

    [Fact]
    public void The_same_data_with_different_targets_is_two_records_and_with_equal_targets_one()
    {
        var (rrset, zone) = Www(Build(
            ([192, 0, 2, 1], Targets("US")),
            ([192, 0, 2, 1], Targets("EU")),
            ([192, 0, 2, 1], Targets("US")),
            ([192, 0, 2, 2], Targets("US", "CA")),
            ([192, 0, 2, 2], Targets("CA", "US")),
            ([192, 0, 2, 3], null)));
        ref readonly var set = ref zone.RRset(rrset);
        var kept = Enumerable.Range(set.FirstRdata, set.RdataCount)
            .Select(r => $"{zone.Rdata(r)[3]} {zone.RecordTargets(r)}").Order(StringComparer.Ordinal).ToList();

        Assert.True(zone.HasTargets);
        Assert.True(set.Targeted);
        Assert.Equal(["1 EU", "1 US", "2 US CA", "3 disabled"], kept);
    }

    [Fact]
    public void Only_record_sets_holding_a_targeted_record_are_flagged()
    {
        var zone = GeoTestZones.Build("example.", """
            $ORIGIN example.
            @ 3600 SOA ns1 hostmaster 1 3600 900 604800 300
            a 300 A 192.0.2.1 ; geo=US
            a 300 AAAA 2001:db8::1
            """);
        int node = zone.FindNode(DnsName.Parse("a.example.").Wire);

        Assert.True(zone.RRset(zone.FindRRset(node, DnsType.A)).Targeted);
        Assert.False(zone.RRset(zone.FindRRset(node, DnsType.AAAA)).Targeted);
    }

    [Fact]
    public void A_record_set_entry_stays_sixteen_bytes() => Assert.Equal(16, Unsafe.SizeOf<RRsetEntry>());
}
