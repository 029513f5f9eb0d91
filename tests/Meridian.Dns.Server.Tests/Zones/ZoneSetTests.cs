using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Tests.Zones;

/// <summary>The zone index at a reseller's size (100,000 zones): every zone is found, a name finds its closest
/// enclosing zone, add/replace/remove touch only their zone, readers never miss a zone while others change.
/// Correctness only: the timing is bench/many-zones.sh's.</summary>
public sealed class ZoneSetTests
{
    private const int ManyZones = 100_000;

    // Built once: 100,000 snapshots are the expensive part, and no test changes them.
    private static readonly Lazy<ZoneSnapshot[]> s_many = new(() => [.. Enumerable.Range(0, ManyZones).Select(i => Zone($"zone{i}.many.test.", (uint)i))]);

    [Fact]
    public void Every_one_of_100000_zones_published_at_once_is_found_by_name_and_encloses_its_names()
    {
        var zones = new ZoneSet();
        zones.PublishAll(s_many.Value);

        Assert.Equal(ManyZones, zones.Count);
        for (int i = 0; i < ManyZones; i++)
        {
            var expected = s_many.Value[i];
            Assert.Same(expected, zones.Find(DnsName.Parse($"ZONE{i}.Many.Test.")));
            Assert.Same(expected, zones.FindClosestEnclosing(Lower($"deep.www.zone{i}.many.test.")));
            Assert.Same(expected, zones.FindClosestEnclosing(Lower($"zone{i}.many.test.")));
        }
        Assert.Null(zones.FindClosestEnclosing(Lower("many.test.")));
        Assert.Null(zones.FindClosestEnclosing(Lower("zone100000.many.test.")));
        Assert.Null(zones.FindClosestEnclosing(Lower(".")));
    }

    [Fact]
    public void Zones_published_one_by_one_give_the_same_index_as_published_at_once()
    {
        var zones = new ZoneSet();
        foreach (var zone in s_many.Value) zones.Publish(zone);

        Assert.Equal(ManyZones, zones.Count);
        Assert.Equal(s_many.Value.Select(z => z.Origin.ToString()).Order(StringComparer.Ordinal),
            zones.Zones.Select(z => z.Origin.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Replacing_one_zone_among_100000_changes_that_zone_only()
    {
        var zones = new ZoneSet();
        zones.PublishAll(s_many.Value);
        var before = s_many.Value[4242];
        var next = Zone("zone4242.many.test.", 999_999);

        Assert.True(zones.Replace(before, next));
        Assert.False(zones.Replace(before, Zone("zone4242.many.test.", 1)));

        Assert.Same(next, zones.Find(DnsName.Parse("zone4242.many.test.")));
        Assert.Equal(999_999u, zones.FindClosestEnclosing(Lower("www.zone4242.many.test."))!.Serial);
        Assert.Same(s_many.Value[4241], zones.Find(DnsName.Parse("zone4241.many.test.")));
        Assert.Same(s_many.Value[4243], zones.Find(DnsName.Parse("zone4243.many.test.")));
        Assert.Equal(ManyZones, zones.Count);

        // Publish replaces by name too, whatever version was there.
        var third = Zone("zone4242.many.test.", 7);
        zones.Publish(third);
        Assert.Same(third, zones.Find(DnsName.Parse("zone4242.many.test.")));
        Assert.Equal(ManyZones, zones.Count);
    }

    [Fact]
    public void Removing_half_of_100000_zones_leaves_the_other_half_and_names_fall_to_an_enclosing_zone()
    {
        var zones = new ZoneSet();
        zones.PublishAll(s_many.Value);
        var parent = Zone("many.test.", 1);
        zones.Publish(parent);

        for (int i = 0; i < ManyZones; i += 2) Assert.True(zones.Remove(DnsName.Parse($"zone{i}.many.test.")));
        Assert.False(zones.Remove(DnsName.Parse("zone0.many.test.")));

        Assert.Equal(ManyZones / 2 + 1, zones.Count);
        for (int i = 0; i < ManyZones; i++)
        {
            var found = zones.FindClosestEnclosing(Lower($"www.zone{i}.many.test."));
            Assert.Same(i % 2 == 0 ? parent : s_many.Value[i], found);
            Assert.Equal(i % 2 == 0 ? null : s_many.Value[i], zones.Find(DnsName.Parse($"zone{i}.many.test.")));
        }
    }

    [Fact]
    public void The_deepest_enclosing_zone_wins_whatever_order_zones_arrive_in()
    {
        var zones = new ZoneSet();
        var child = Zone("a.b.c.example.", 3);
        var middle = Zone("c.example.", 2);
        var top = Zone("example.", 1);
        zones.Publish(child);
        zones.Publish(top);
        zones.Publish(middle);

        Assert.Same(child, zones.FindClosestEnclosing(Lower("x.a.b.c.example.")));
        Assert.Same(middle, zones.FindClosestEnclosing(Lower("b.c.example.")));
        Assert.Same(top, zones.FindClosestEnclosing(Lower("x.example.")));
        Assert.Null(zones.FindClosestEnclosing(Lower("example.net.")));

        // The deepest zone goes: its names fall to the next one up, a longer apex published later is found.
        Assert.True(zones.Remove(DnsName.Parse("a.b.c.example.")));
        Assert.Same(middle, zones.FindClosestEnclosing(Lower("x.a.b.c.example.")));
        var deeper = Zone("q.r.s.t.u.v.example.", 4);
        zones.Publish(deeper);
        Assert.Same(deeper, zones.FindClosestEnclosing(Lower("www.q.r.s.t.u.v.example.")));
    }

    [Fact]
    public async Task Readers_never_miss_a_zone_that_stays_while_other_zones_are_added_replaced_and_removed()
    {
        var zones = new ZoneSet();
        var stable = s_many.Value.Take(50_000).ToArray();
        zones.PublishAll(stable);
        var changing = s_many.Value.Skip(50_000).Take(5_000).ToArray();
        using var stop = new CancellationTokenSource();
        int misses = 0, lookups = 0;

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var names = stable.Select(z => Lower("www." + z.Origin)).ToArray();
            int i = r;
            while (!stop.IsCancellationRequested)
            {
                var name = names[i % names.Length];
                if (zones.FindClosestEnclosing(name) != stable[i % stable.Length]) Interlocked.Increment(ref misses);
                Interlocked.Increment(ref lookups);
                i += 7;
            }
        })).ToArray();

        // The writers start once the readers are reading (on a busy machine the writes could otherwise end first).
        while (Volatile.Read(ref lookups) == 0) await Task.Delay(1);
        for (int round = 0; round < 3; round++)
        {
            foreach (var zone in changing) zones.Publish(zone);
            foreach (var zone in changing) zones.Replace(zone, Zone(zone.Origin.ToString(), (uint)round));
            foreach (var zone in changing) Assert.True(zones.Remove(zone.Origin));
        }
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.True(lookups > 0);
        Assert.Equal(0, misses);
        Assert.Equal(stable.Length, zones.Count);
    }

    private static byte[] Lower(string name) => DnsName.Parse(name).ToLower().Wire.ToArray();

    /// <summary>A small zone: SOA (with the given serial), NS, and an address at www.</summary>
    private static ZoneSnapshot Zone(string origin, uint serial)
    {
        var apex = DnsName.Parse(origin);
        var builder = new ZoneSnapshotBuilder(apex, 3);
        var soa = new List<byte>();
        soa.AddRange(DnsName.Parse("ns1.example.net.").Wire.ToArray());
        soa.AddRange(DnsName.Parse("hostmaster.example.net.").Wire.ToArray());
        foreach (uint value in new[] { serial, 3600u, 900u, 604800u, 300u })
            soa.AddRange([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
        Add(builder, apex, DnsType.SOA, [.. soa]);
        Add(builder, apex, DnsType.NS, DnsName.Parse("ns1.example.net.").Wire.ToArray());
        Add(builder, DnsName.Parse("www." + origin), DnsType.A, [192, 0, 2, 1]);
        return builder.Build();
    }

    private static void Add(ZoneSnapshotBuilder builder, DnsName owner, DnsType type, byte[] data)
    {
        if (!builder.TryAdd(owner, type, 3600, data, out string? error)) throw new InvalidOperationException(error);
    }
}
