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

        var (exit, output) = Nsupdate.Send(primary.Dns, Zone, $"hmac-sha256:{UpdateKey}:{primary.Secrets[UpdateKey]}", overTcp: false,
            "update add new.notify.update.test. 300 A 192.0.2.77");
        Assert.True(exit == 0, output);
        uint updated = SerialAt(primary);
        Assert.NotEqual(imported, updated);

        await secondary.WaitForSerialAsync(Zone, updated, primaryLog: () => primary.Log);
        // It learned of the change from the NOTIFY, which carries the new serial (the SOA in its answer section): the
        // secondary logs that serial as the NOTIFY's. The zone's SOA refresh (Zones:Refresh, 2 hours) is far longer than
        // the wait, so without the NOTIFY it would still serve the old serial.
        string log = secondary.Log;
        Assert.True(log.Split('\n').Any(line => line.Contains(NotifyMarker(kind), StringComparison.Ordinal)
            && line.TrimEnd().EndsWith($"serial {updated}", StringComparison.Ordinal)), log);
        if (kind == "bind") Assert.Contains($"received notify for zone '{Zone.TrimEnd('.')}': TSIG '{MeridianPrimary.KeyName}'", log, StringComparison.Ordinal);
        var answer = Dig.Query("kdig", secondary.Endpoint, "new." + Zone, "A");
        Assert.Equal("NOERROR", answer.Status);
        Assert.Contains(answer.Answer, record => record.EndsWith("192.0.2.77", StringComparison.Ordinal));
    }

    /// <summary>How each secondary logs a NOTIFY with its serial (Knot 3.2: "[zone.] notify, incoming, remote …, serial N";
    /// BIND 9.18: "zone zone/IN: notify from ADDR#PORT: serial N").</summary>
    private static string NotifyMarker(string kind) =>
        kind == "knot" ? $"[{Zone}] notify, incoming" : $"zone {Zone.TrimEnd('.')}/IN: notify from 127.0.0.1";

    private static uint SerialAt(MeridianPrimary primary)
    {
        var soa = Dig.Query("kdig", primary.Dns, Zone, "SOA");
        Assert.Equal("NOERROR", soa.Status);
        return SecondaryServer.SerialOf(soa.Answer[0]) ?? throw new InvalidOperationException(soa.Raw);
    }
}
