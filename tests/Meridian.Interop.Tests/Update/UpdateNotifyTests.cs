using Meridian.Interop.Tests.Peers;
using Meridian.Interop.Tests.Transfer;

namespace Meridian.Interop.Tests.Update;

/// <summary>A change made by RFC 2136 UPDATE (nsupdate -y) reaches the zone's secondaries as one made through the API
/// does: Meridian sends them NOTIFY with the new serial, and they transfer it. Real Knot and BIND secondaries.</summary>
public sealed class UpdateNotifyTests
{
    private const string Zone = "notify.update.test.";
    private const string UpdateKey = "notify-upd-key";

    private const string ZoneFile = """
        $ORIGIN notify.update.test.
        $TTL 3600
        www     A     192.0.2.10
        mail    A     192.0.2.25
        """;

    public static TheoryData<string> Secondaries => new() { "knot", "bind" };

    [Theory]
    [MemberData(nameof(Secondaries))]
    public async Task A_secondary_receives_notify_with_the_new_serial_after_nsupdate_changes_the_zone(string kind)
    {
        Assert.True(ExternalTool.Exists("nsupdate"), "nsupdate must be installed (bind9-dnsutils)");
        Assert.True(ExternalTool.Exists("kdig"), "kdig must be installed (knot-dnsutils)");
        int port = SecondaryServer.ReservePort();
        await using var primary = await MeridianPrimary.StartAsync([port], [["--name", UpdateKey, "--update-zone", Zone]]);
        await primary.ImportAsync(ZoneFile);
        uint imported = SerialAt(primary);
        using var secondary = SecondaryServer.Start(kind, port, Zone, primary.Dns, MeridianPrimary.KeyName, primary.Secret);
        await secondary.WaitForSerialAsync(Zone, imported);
        int notifiesBefore = NotifiesIn(kind, secondary.Log);

        var (exit, output) = Nsupdate.Send(primary.Dns, Zone, $"hmac-sha256:{UpdateKey}:{primary.Secrets[UpdateKey]}", overTcp: false,
            "update add new.notify.update.test. 300 A 192.0.2.77");
        Assert.True(exit == 0, output);
        uint updated = SerialAt(primary);
        Assert.NotEqual(imported, updated);

        try
        {
            await secondary.WaitForSerialAsync(Zone, updated);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nmeridian log:\n" + primary.Log, e);
        }
        // It learned of the change from a NOTIFY sent after the update: the zone's SOA refresh (Zones:Refresh) is far
        // longer than the wait, so without the NOTIFY it would still serve the old serial. Meridian's NOTIFY names the
        // zone (signed with the transfer key) and leaves the serial for the secondary's SOA query to find, which both
        // secondaries log ("serial none", "no serial") before transferring the new one.
        string log = secondary.Log;
        Assert.True(NotifiesIn(kind, log) > notifiesBefore, log);
        var answer = Dig.Query("kdig", secondary.Endpoint, "new." + Zone, "A");
        Assert.Equal("NOERROR", answer.Status);
        Assert.Contains(answer.Answer, record => record.EndsWith("192.0.2.77", StringComparison.Ordinal));
    }

    /// <summary>How many NOTIFY messages for the zone the secondary logged (Knot 3.2: "[zone.] notify, incoming, remote …";
    /// BIND 9.18: "received notify for zone '…': TSIG 'key'").</summary>
    private static int NotifiesIn(string kind, string log)
    {
        string marker = kind == "knot" ? $"[{Zone}] notify, incoming" : $"received notify for zone '{Zone.TrimEnd('.')}': TSIG '{MeridianPrimary.KeyName}'";
        return log.Split('\n').Count(line => line.Contains(marker, StringComparison.Ordinal));
    }

    private static uint SerialAt(MeridianPrimary primary)
    {
        var soa = Dig.Query("kdig", primary.Dns, Zone, "SOA");
        Assert.Equal("NOERROR", soa.Status);
        return SecondaryServer.SerialOf(soa.Answer[0]) ?? throw new InvalidOperationException(soa.Raw);
    }
}
