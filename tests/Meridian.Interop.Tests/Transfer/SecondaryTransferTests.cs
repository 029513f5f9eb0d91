using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Transfer;

/// <summary>Knot, BIND and NSD, each a TSIG-keyed secondary of the real `meridian serve`: they transfer the zone (AXFR),
/// Meridian's NOTIFY after a change brings them the new serial (Knot and BIND by IXFR), and then every secondary answers
/// the same questions exactly as Meridian does (the Knot-differential comparison).</summary>
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
        try
        {
            await secondary.WaitForSerialAsync(Zone, changed);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nmeridian log:\n" + primary.Log, e);
        }
        AssertAnswersAlike(primary, secondary);
        // The change came incrementally: Knot says IXFR; BIND does not name it at this log level, but its second transfer
        // carried 5 records (the new SOA, the old, the new again with the added A, the new SOA last), not the zone's 16.
        if (kind == "knot") Assert.True(secondary.Log.Contains("IXFR, incoming", StringComparison.Ordinal), secondary.Log);
        if (kind == "bind") Assert.True(secondary.Log.Contains($"1 messages, 5 records", StringComparison.Ordinal) && secondary.Log.Contains($"(serial {changed})", StringComparison.Ordinal), secondary.Log);
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
