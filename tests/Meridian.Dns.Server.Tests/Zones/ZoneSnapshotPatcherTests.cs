using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Answering;
using Meridian.Dns.Server.Tests.Answering;
using Meridian.Dns.Server.Tests.Geo;
using Meridian.Dns.Server.Zones;
using Meridian.Geo;

namespace Meridian.Dns.Server.Tests.Zones;

/// <summary>An incrementally changed zone must answer every question byte for byte as the same contents
/// built in full: random changes over names chosen to hit empty non-terminals, wildcards, CNAME chains,
/// additional-section targets and zone cuts; with geo, records also carry country targets and every question is
/// asked from three client subnets.</summary>
public class ZoneSnapshotPatcherTests
{
    private static readonly DnsName Origin = DnsName.Parse("example.");

    private static readonly string[] Owners =
    [
        "example.", "a.example.", "b.example.", "a.b.example.", "c.a.b.example.", "*.example.", "*.a.example.",
        "x.*.b.example.", "deep.e.f.g.example.", "e.f.g.example.", "mx.example.", "cn.example.", "sub.example.",
        "glue.sub.example.", "in.glue.sub.example.", "*.sub.example.",
    ];

    private static readonly DnsType[] QueryTypes =
        [DnsType.A, DnsType.AAAA, DnsType.TXT, DnsType.MX, DnsType.CNAME, DnsType.NS, DnsType.SOA, DnsType.ANY, DnsType.DS];

    private static readonly string[] ExtraQuestions =
        ["nx.example.", "q.example.", "q.a.example.", "r.q.a.example.", "y.x.*.b.example.", "f.g.example.", "g.example.",
         "z.c.a.b.example.", "w.sub.example.", "zz.deep.e.f.g.example."];

    private static readonly string?[] s_clientSubnets = ["198.51.100.0/24", "198.51.101.0/24", "198.51.103.0/24"];
    private static readonly string?[] s_noSubnet = [null];

    private static readonly GeoTargetSet?[] s_targets =
        [null, null, Targets("US"), Targets("EU"), Targets("JP"), Targets("DE", "FR"), GeoTargetSet.Global];

    private static GeoTargetSet Targets(params string[] codes) =>
        GeoTargets.TryParse(codes, out var targets, out var error) ? targets : throw new InvalidOperationException(error);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void Patched_zone_answers_exactly_as_a_full_build_after_every_change(int seed, bool geo)
    {
        var random = new Random(seed);
        var model = new Dictionary<DnsName, List<ZoneRecord>>();
        uint serial = 1;
        model[Origin] = ApexRecords(serial);
        var current = Build(model);
        int patched = 0;
        int steps = geo ? 150 : 400;
        for (int step = 0; step < steps; step++)
        {
            serial++;
            var changes = new List<NameRecords> { new(Origin, [.. ApexRecords(serial), .. RandomRecords(random, Origin, apex: true)]) };
            int names = random.Next(1, 4);
            for (int i = 0; i < names; i++)
            {
                var owner = DnsName.Parse(Owners[random.Next(1, Owners.Length)]);
                changes.RemoveAll(c => c.Owner.Equals(owner));
                changes.Add(new NameRecords(owner, random.Next(4) == 0 ? [] : RandomRecords(random, owner, apex: false, geo)));
            }
            foreach (var change in changes)
            {
                if (change.Records.Count == 0) model.Remove(change.Owner);
                else model[change.Owner] = [.. change.Records];
            }

            var next = ZoneSnapshotPatcher.Apply(current, changes);
            if (next.Storage == current.Storage) patched++;
            current = next;
            var full = Build(model);
            Assert.Equal(full.RecordCount, current.RecordCount);
            Assert.Equal(full.NodeCount, current.NodeCount);
            AssertSameAnswers(full, current, $"step {step}", geo);
        }
        // Most steps must have taken the incremental path, or this test proves little about it.
        Assert.True(patched > steps / 2, $"only {patched} of {steps} changes were patched in");
    }

    [Fact]
    public void Older_snapshot_keeps_answering_its_own_contents_after_later_changes()
    {
        var model = new Dictionary<DnsName, List<ZoneRecord>> { [Origin] = ApexRecords(1) };
        model[DnsName.Parse("www.example.")] = [A("www.example.", 1)];
        var first = Build(model);
        var before = Answers(first);

        var second = ZoneSnapshotPatcher.Apply(first, [new(Origin, ApexRecords(2)), new(DnsName.Parse("www.example."), [A("www.example.", 2)])]);
        var third = ZoneSnapshotPatcher.Apply(second, [new(Origin, ApexRecords(3)), new(DnsName.Parse("www.example."), []), new(DnsName.Parse("n.m.example."), [A("n.m.example.", 3)])]);

        Assert.Same(first.Storage, third.Storage);
        Assert.Equal(before, Answers(first));
        Assert.Equal(3u, third.Serial);
        Assert.Equal(1u, first.Serial);
    }

    [Fact]
    public void Every_snapshot_of_a_long_run_of_changes_keeps_its_own_answers()
    {
        // Enough changes to the same few names for the overlay's shared entries to be compacted several
        // times, while every older snapshot still reads through the arrays it was made with.
        var model = new Dictionary<DnsName, List<ZoneRecord>> { [Origin] = ApexRecords(1) };
        var owners = Owners.Where(o => o != "example.").ToArray();
        foreach (string owner in owners) model[DnsName.Parse(owner)] = [A(owner, 1)];
        var snapshots = new List<(ZoneSnapshot Zone, List<string> Answers)>();
        var current = Build(model);
        snapshots.Add((current, Answers(current)));
        for (int step = 2; step < 300; step++)
        {
            string owner = owners[step % owners.Length];
            var records = step % 5 == 0 ? new List<ZoneRecord>() : [A(owner, (byte)step)];
            current = ZoneSnapshotPatcher.Apply(current, [new(Origin, ApexRecords((uint)step)), new(DnsName.Parse(owner), records)]);
            if (step % 10 == 0) snapshots.Add((current, Answers(current)));
        }
        Assert.Same(snapshots[0].Zone.Storage, current.Storage);
        foreach (var (zone, answers) in snapshots) Assert.Equal(answers, Answers(zone));
    }

    [Fact]
    public void Change_from_an_older_snapshot_is_built_in_full_and_leaves_the_newer_one_intact()
    {
        var model = new Dictionary<DnsName, List<ZoneRecord>> { [Origin] = ApexRecords(1) };
        var first = Build(model);
        var second = ZoneSnapshotPatcher.Apply(first, [new(Origin, ApexRecords(2)), new(DnsName.Parse("a.example."), [A("a.example.", 1)])]);
        var secondAnswers = Answers(second);

        var branch = ZoneSnapshotPatcher.Apply(first, [new(Origin, ApexRecords(3)), new(DnsName.Parse("b.example."), [A("b.example.", 2)])]);

        Assert.NotSame(first.Storage, branch.Storage);
        Assert.Equal(secondAnswers, Answers(second));
    }

    [Fact]
    public void Change_that_leaves_the_apex_without_soa_is_refused()
    {
        var zone = Build(new Dictionary<DnsName, List<ZoneRecord>> { [Origin] = ApexRecords(1) });
        Assert.Throws<ZoneLoadException>(() => ZoneSnapshotPatcher.Apply(zone, [new(Origin, [])]));
    }

    [Fact]
    public void Record_outside_the_zone_is_refused()
    {
        var zone = Build(new Dictionary<DnsName, List<ZoneRecord>> { [Origin] = ApexRecords(1) });
        Assert.Throws<ZoneLoadException>(() => ZoneSnapshotPatcher.Apply(zone, [new(DnsName.Parse("www.example.org."), [A("www.example.org.", 1)])]));
    }

    private static ZoneSnapshot Build(Dictionary<DnsName, List<ZoneRecord>> model)
    {
        var builder = new ZoneSnapshotBuilder(Origin);
        foreach (var records in model.Values)
        {
            foreach (var record in records) Assert.True(builder.TryAdd(record.Owner, record.Type, record.Ttl, record.Data, out _, record.Targets));
        }
        return builder.Build();
    }

    private static void AssertSameAnswers(ZoneSnapshot expected, ZoneSnapshot actual, string context, bool geo = false)
    {
        var want = Answers(expected, geo);
        var got = Answers(actual, geo);
        for (int i = 0; i < want.Count; i++) Assert.True(want[i] == got[i], $"{context}: question {i} answered differently");
    }

    private static List<(string Name, DnsType Type)> Questions() =>
        [.. Owners.Concat(ExtraQuestions).SelectMany(name => QueryTypes.Select(type => (name, type)))];

    private static List<string> Answers(ZoneSnapshot zone, bool geo = false)
    {
        var zones = new ZoneSet();
        zones.Publish(zone);
        var processor = new QueryProcessor(zones, maxUdpPayload: 1232, geo ? GeoTestZones.Locator() : null);
        var response = new byte[65535];
        var answers = new List<string>();
        foreach (var (name, type) in Questions())
        {
            foreach (string? subnet in geo ? s_clientSubnets : s_noSubnet)
            {
                int length = processor.Handle(QueryMessages.Build(name, type, id: 7, subnet: subnet), response, [127, 0, 0, 1], true);
                answers.Add(Convert.ToHexString(response, 0, length));
            }
        }
        return answers;
    }

    private static List<ZoneRecord> ApexRecords(uint serial)
    {
        var soa = new List<byte>();
        soa.AddRange(DnsName.Parse("ns1.example.").Wire.ToArray());
        soa.AddRange(DnsName.Parse("hostmaster.example.").Wire.ToArray());
        foreach (uint value in new uint[] { serial, 3600, 900, 604800, 300 })
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
            soa.AddRange(bytes);
        }
        return [new(Origin, DnsType.SOA, 3600, [.. soa]), new(Origin, DnsType.NS, 3600, DnsName.Parse("ns1.example.").Wire.ToArray())];
    }

    private static List<ZoneRecord> RandomRecords(Random random, DnsName owner, bool apex, bool geo = false)
    {
        var records = new List<ZoneRecord>();
        int count = apex ? random.Next(0, 2) : random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            uint ttl = (uint)random.Next(1, 4) * 60;
            var target = DnsName.Parse(Owners[random.Next(Owners.Length)]).Wire.ToArray();
            switch (random.Next(apex ? 4 : 7))
            {
                case 0: records.Add(new(owner, DnsType.A, ttl, [192, 0, 2, (byte)random.Next(4)])); break;
                case 1: records.Add(new(owner, DnsType.AAAA, ttl, [0x20, 1, 0xd, 0xb8, .. new byte[11], (byte)random.Next(4)])); break;
                case 2: records.Add(new(owner, DnsType.TXT, ttl, [1, (byte)('a' + random.Next(3))])); break;
                case 3: records.Add(new(owner, DnsType.MX, ttl, [0, (byte)random.Next(3), .. target])); break;
                case 4: records.Add(new(owner, DnsType.CNAME, ttl, target)); break;
                case 5: records.Add(new(owner, DnsType.A, ttl, [198, 51, 100, (byte)random.Next(4)])); break;
                // Rarely a zone cut, which must take the full-build path and re-mark what lies below it.
                default:
                    if (random.Next(3) == 0) records.Add(new(owner, DnsType.NS, ttl, target));
                    else records.Add(new(owner, DnsType.TXT, ttl, [2, (byte)'z', (byte)('a' + random.Next(3))]));
                    break;
            }
        }
        // With geo, most records name where they are answered (the apex's SOA and NS never do).
        return geo ? [.. records.Select(r => r.Type is DnsType.NS or DnsType.SOA ? r : r with { Targets = s_targets[random.Next(s_targets.Length)] })] : records;
    }

    private static ZoneRecord A(string owner, byte last) => new(DnsName.Parse(owner), DnsType.A, 300, [192, 0, 2, last]);
}
