using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Transfer;

/// <summary>Knot, BIND and NSD, each a TSIG-keyed secondary of the real `meridian serve`: they transfer the zone (AXFR),
/// Meridian's NOTIFY after a change brings them the new serial (Knot and BIND apply it by IXFR, checked in their logs and
/// BIND's journal; NSD's transfer of it is smaller than the zone), and then every secondary answers the same questions
/// exactly as Meridian does (the Knot-differential comparison).</summary>
public sealed class SecondaryTransferTests
{
    private const string Zone = "xfr-interop.example.";

    private const string ZoneFile = """
        $ORIGIN xfr-interop.example.
        $TTL 3600
        @       MX    10 mail
        @       TXT   "v=spf1 mx -all"
        www     A     192.0.2.10
        www     AAAA  2001:db8::10
        mail    A     192.0.2.25
        alias   CNAME www
        *.wild  TXT   "wildcard"
        _sip._tcp SRV 10 5 5060 sip
        sip     A     192.0.2.60
        caa     CAA   0 issue "letsencrypt.org"
        sub     NS    ns.sub
        ns.sub  A     192.0.2.53
        """;

    public static TheoryData<string> Secondaries => new() { "knot", "bind", "nsd" };

    private static readonly (string Name, string Type)[] Questions =
    [
        (Zone, "SOA"), (Zone, "NS"), (Zone, "MX"), (Zone, "TXT"),
        ("www." + Zone, "A"), ("www." + Zone, "AAAA"), ("www." + Zone, "TXT"), ("WwW." + Zone, "A"),
        ("alias." + Zone, "A"), ("nope." + Zone, "A"), ("x.wild." + Zone, "TXT"), ("x.wild." + Zone, "A"),
        ("_sip._tcp." + Zone, "SRV"), ("caa." + Zone, "CAA"), ("x.sub." + Zone, "A"), ("added." + Zone, "A"),
    ];

    [Theory]
    [MemberData(nameof(Secondaries))]
    public async Task Secondary_transfers_the_zone_follows_notify_and_answers_like_meridian(string kind)
    {
        Assert.True(ExternalTool.Exists("kdig"), "kdig must be installed (knot-dnsutils)");
        int port = SecondaryServer.ReservePort();
        await using var primary = await MeridianPrimary.StartAsync([port]);
        string domain = await primary.ImportAsync(ZoneFile);
        uint imported = SerialAt(primary);

        using var secondary = SecondaryServer.Start(kind, port, Zone, primary.Dns, MeridianPrimary.KeyName, primary.Secret);
        await secondary.WaitForSerialAsync(Zone, imported);
        AssertAnswersAlike(primary, secondary);

        await primary.AddRecordAsync(domain, "added", "A", "192.0.2.99");
        uint changed = SerialAt(primary);
        Assert.NotEqual(imported, changed);
        await secondary.WaitForSerialAsync(Zone, changed, primaryLog: () => primary.Log);
        AssertAnswersAlike(primary, secondary);
        if (kind == "knot") AssertKnotAppliedIxfr(secondary, imported, changed);
        if (kind == "bind") AssertBindAppliedIxfr(secondary, imported, changed);
        if (kind == "nsd") AssertNsdTransferredLess(secondary, imported, changed);
    }

    /// <summary>Knot received the change by IXFR and applied it as such: the refresh that follows the IXFR updates the
    /// zone from the imported serial to the changed one, nothing fails or falls back to AXFR, and the only AXFR is the
    /// first transfer. (A Knot that cannot store IXFR changes still logs the IXFR as received, then "failed to store
    /// changes" and "fallback to AXFR", and its AXFR brings the same serial.)</summary>
    private static void AssertKnotAppliedIxfr(SecondaryServer secondary, uint imported, uint changed)
    {
        string log = secondary.Log;
        var lines = log.Split('\n');
        int ixfr = Array.FindLastIndex(lines, line => line.Contains("IXFR, incoming", StringComparison.Ordinal) && line.Contains(", started", StringComparison.Ordinal));
        Assert.True(ixfr >= 0, "Knot logged no incoming IXFR:\n" + log);
        var after = lines[ixfr..];
        Assert.True(after.Any(line => line.Contains("IXFR, incoming", StringComparison.Ordinal) && line.Contains(", finished,", StringComparison.Ordinal)),
            "Knot's IXFR did not finish:\n" + log);
        Assert.True(after.Any(line => line.Contains("zone updated", StringComparison.Ordinal) && line.Contains($"serial {imported} -> {changed}", StringComparison.Ordinal)),
            $"Knot's IXFR did not update the zone from {imported} to {changed}:\n" + log);
        Assert.False(after.Any(line => line.Contains("AXFR", StringComparison.Ordinal) || line.Contains("failed", StringComparison.Ordinal)),
            "Knot did not apply the IXFR (it failed or fell back to AXFR):\n" + log);
        Assert.True(lines.Count(line => line.Contains("AXFR, incoming", StringComparison.Ordinal) && line.Contains(", started", StringComparison.Ordinal)) == 1,
            "Knot transferred the whole zone more than once:\n" + log);
    }

    /// <summary>BIND applied the change incrementally: its second transfer carried 5 records (the new SOA, the old, the
    /// new again with the added A, the new SOA last), not the zone's 16, and it wrote the difference to the zone's
    /// journal, which BIND does for an IXFR and not for a whole-zone transfer.</summary>
    private static void AssertBindAppliedIxfr(SecondaryServer secondary, uint imported, uint changed)
    {
        string log = secondary.Log;
        Assert.True(log.Contains("1 messages, 5 records", StringComparison.Ordinal) && log.Contains($"(serial {changed})", StringComparison.Ordinal), log);
        string journal = Path.Combine(secondary.Directory, Zone.TrimEnd('.') + ".db.jnl");
        Assert.True(File.Exists(journal), "BIND wrote no journal, so the change did not come by IXFR:\n" + log);
        var (exit, printed, errors) = ExternalTool.Run("named-journalprint", [journal]);
        Assert.True(exit == 0, errors);
        Assert.Contains($"del {Zone}", printed, StringComparison.Ordinal);
        Assert.Contains($" {imported} ", printed, StringComparison.Ordinal);
        Assert.Contains($" {changed} ", printed, StringComparison.Ordinal);
        Assert.Contains($"add added.{Zone}", printed, StringComparison.Ordinal);
        Assert.Contains("192.0.2.99", printed, StringComparison.Ordinal);
    }

    /// <summary>NSD does not name the kind of transfer, but it logs the bytes each update took: the change (the four
    /// SOAs and the added A) is far smaller than the whole zone it received first, which an AXFR would have repeated.</summary>
    private static void AssertNsdTransferredLess(SecondaryServer secondary, uint imported, uint changed)
    {
        string log = secondary.Log;
        int first = UpdateBytes(log, imported);
        int second = UpdateBytes(log, changed);
        Assert.True(second < first, $"NSD's transfer of the change took {second} bytes, the whole zone {first}:\n" + log);
    }

    private static int UpdateBytes(string log, uint serial)
    {
        var match = System.Text.RegularExpressions.Regex.Match(log, $@"received update to serial {serial} .* of (\d+) bytes");
        Assert.True(match.Success, $"NSD logged no update to serial {serial}:\n" + log);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static uint SerialAt(MeridianPrimary primary)
    {
        var soa = Dig.Query("kdig", primary.Dns, Zone, "SOA");
        Assert.Equal("NOERROR", soa.Status);
        return SecondaryServer.SerialOf(soa.Answer[0]) ?? throw new InvalidOperationException(soa.Raw);
    }

    private static void AssertAnswersAlike(MeridianPrimary primary, SecondaryServer secondary)
    {
        foreach (var (name, type) in Questions)
        {
            var expected = Dig.Query("kdig", primary.Dns, name, type);
            var actual = Dig.Query("kdig", secondary.Endpoint, name, type);
            // NSD either adds the apex NS to every answer or, minimal, leaves out optional additional data (the address of
            // an MX target); Meridian, like Knot, gives the latter and not the former. So against NSD the additional
            // section counts only where it is required: the glue of a referral.
            bool optionalAdditional = secondary.Kind == "nsd" && expected.Authoritative;
            string want = optionalAdditional ? expected.SummaryWithoutAdditional() : expected.Summary();
            string got = optionalAdditional ? actual.SummaryWithoutAdditional() : actual.Summary();
            Assert.True(want == got, $"{secondary.Kind} answers {name} {type} unlike Meridian:\n--- meridian\n{want}\n--- {secondary.Kind}\n{got}");
        }
    }
}
