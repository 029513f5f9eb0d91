using Meridian.Dns.Names;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Update;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Tests.Update;

/// <summary>RFC 2136 §3.2 prerequisites against a zone's data.</summary>
public sealed class UpdateRulesTests
{
    private static readonly IUpdateZoneView Zone = new ListedZone(new()
    {
        ["example.test."] = [new(DnsType.SOA, 3600, [0]), new(DnsType.NS, 3600, DnsName.Parse("ns1.example.test.").Wire.ToArray())],
        ["www.example.test."] = [new(DnsType.A, 300, UpdateMessages.A("192.0.2.1")), new(DnsType.A, 300, UpdateMessages.A("192.0.2.2"))],
        ["mail.example.test."] = [new(DnsType.MX, 300, UpdateMessages.Mx(10, "mx.example.test."))],
    });

    private static UpdateRecord Record(string name, DnsType type, DnsClass @class, byte[]? data = null) =>
        new(DnsName.Parse(name), type, @class, 0, data ?? []);

    public static TheoryData<string, DnsRcode> Outcomes => new()
    {
        { "name in use: www", DnsRcode.NoError },
        { "name in use: missing", DnsRcode.NXDomain },
        { "name not in use: missing", DnsRcode.NoError },
        { "name not in use: www", DnsRcode.YXDomain },
        { "rrset exists: www A", DnsRcode.NoError },
        { "rrset exists: www AAAA", DnsRcode.NXRRSet },
        { "rrset exists: example.test. SOA", DnsRcode.NoError },
        { "rrset does not exist: www A", DnsRcode.YXRRSet },
        { "rrset does not exist: www TXT", DnsRcode.NoError },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Value_independent_prerequisites(string what, DnsRcode expected)
    {
        var (kind, question) = (what.Split(": ")[0], what.Split(": ")[1].Split(' '));
        string name = question[0].EndsWith('.') ? question[0] : question[0] + ".example.test.";
        var type = question.Length > 1 ? Enum.Parse<DnsType>(question[1]) : DnsType.ANY;
        var @class = kind.Contains("not", StringComparison.Ordinal) ? DnsClass.NONE : DnsClass.ANY;
        Assert.Equal(expected, UpdateRules.CheckPrerequisites([Record(name, type, @class)], Zone));
    }

    [Fact]
    public void A_value_dependent_prerequisite_compares_the_whole_rrset_in_any_order()
    {
        var both = new[]
        {
            Record("www.example.test.", DnsType.A, DnsClass.IN, UpdateMessages.A("192.0.2.2")),
            Record("www.example.test.", DnsType.A, DnsClass.IN, UpdateMessages.A("192.0.2.1")),
        };
        Assert.Equal(DnsRcode.NoError, UpdateRules.CheckPrerequisites(both, Zone));
        Assert.Equal(DnsRcode.NXRRSet, UpdateRules.CheckPrerequisites([both[0]], Zone));
        Assert.Equal(DnsRcode.NXRRSet, UpdateRules.CheckPrerequisites(
            [.. both, Record("www.example.test.", DnsType.A, DnsClass.IN, UpdateMessages.A("192.0.2.3"))], Zone));
        Assert.Equal(DnsRcode.NXRRSet, UpdateRules.CheckPrerequisites(
            [Record("missing.example.test.", DnsType.A, DnsClass.IN, UpdateMessages.A("192.0.2.1"))], Zone));
    }

    [Fact]
    public void Names_inside_rdata_compare_without_regard_to_case()
    {
        var prerequisite = Record("mail.example.test.", DnsType.MX, DnsClass.IN, UpdateMessages.Mx(10, "MX.Example.TEST."));
        Assert.Equal(DnsRcode.NoError, UpdateRules.CheckPrerequisites([prerequisite], Zone));
        Assert.False(UpdateRules.SameData(DnsType.MX, UpdateMessages.Mx(10, "mx.example.test."), UpdateMessages.Mx(20, "mx.example.test.")));
        // TXT data is text, not names: its case counts.
        Assert.False(UpdateRules.SameData(DnsType.TXT, [3, (byte)'a', (byte)'b', (byte)'c'], [3, (byte)'A', (byte)'B', (byte)'C']));
    }

    [Fact]
    public void The_first_failing_prerequisite_decides()
    {
        var prerequisites = new[] { Record("missing.example.test.", DnsType.ANY, DnsClass.ANY), Record("www.example.test.", DnsType.ANY, DnsClass.NONE) };
        Assert.Equal(DnsRcode.NXDomain, UpdateRules.CheckPrerequisites(prerequisites, Zone));
    }

    [Fact]
    public void The_soa_and_apex_ns_are_the_operators()
    {
        var zone = DnsName.Parse("example.test.");
        Assert.True(UpdateRules.IsApexInfrastructure(zone, zone, DnsType.SOA));
        Assert.True(UpdateRules.IsApexInfrastructure(zone, zone, DnsType.NS));
        Assert.False(UpdateRules.IsApexInfrastructure(zone, DnsName.Parse("sub.example.test."), DnsType.NS));
        Assert.False(UpdateRules.IsApexInfrastructure(zone, zone, DnsType.MX));
    }

    private sealed class ListedZone(Dictionary<string, ZoneRecordData[]> records) : IUpdateZoneView
    {
        public IEnumerable<ZoneRecordData> RecordsAt(DnsName owner) => records.GetValueOrDefault(owner.ToString().ToLowerInvariant()) ?? [];
    }
}
