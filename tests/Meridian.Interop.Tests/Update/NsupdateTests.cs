using System.Text.Json;
using Meridian.Interop.Tests.Peers;
using Meridian.Interop.Tests.Transfer;

namespace Meridian.Interop.Tests.Update;

/// <summary>RFC 2136 UPDATE against the real `meridian serve`, sent by BIND's nsupdate with TSIG (-y), over UDP and TCP.
/// Every outcome is checked three ways: what dig (kdig) answers, the zone's serial, and — through the Client API — the
/// records and the change journal.</summary>
public sealed class NsupdateTests(UpdatePrimaryFixture fixture) : IClassFixture<UpdatePrimaryFixture>
{
    private MeridianPrimary Primary => fixture.Primary;

    [Fact]
    public async Task Adds_replaces_and_deletes_records_journaled_as_the_key()
    {
        const string zone = "records.update.test.";
        string domain = await ImportAsync(zone);
        uint imported = SerialOf(zone);

        Succeeds(zone, overTcp: false, "update add new.records.update.test. 300 A 192.0.2.1",
            "update add mail.records.update.test. 600 MX 10 mx.records.update.test.", "update add txt.records.update.test. 300 TXT \"hello world\" \"two\"");
        uint added = SerialOf(zone);
        Assert.True(added > imported, $"serial {added} after {imported}");
        Assert.Equal(["192.0.2.1"], Answers("new." + zone, "A"));
        Assert.Equal(["10 mx.records.update.test."], Answers("mail." + zone, "MX"));
        Assert.Equal(["\"hello world\" \"two\""], Answers("txt." + zone, "TXT"));
        var records = await RecordsAsync(domain);
        Assert.Contains(records, r => r.Name == "new." + zone && r.Type == "A" && r.Value == "192.0.2.1" && r.Ttl == 300);
        Assert.Contains(records, r => r.Name == "mail." + zone && r.Type == "MX" && r.Value == "mx.records.update.test.");
        var change = await LatestChangeAsync(domain);
        Assert.Equal(added, change.GetProperty("serial").GetUInt32());
        Assert.Equal("tsig:upd-key.", change.GetProperty("principal").GetString());
        Assert.Equal(3, change.GetProperty("record_sets").GetArrayLength());

        // Replace the RRset in one message, over TCP: the journal shows it before and after.
        Succeeds(zone, overTcp: true, "update delete www.records.update.test. A", "update add www.records.update.test. 300 A 192.0.2.20");
        uint replaced = SerialOf(zone);
        Assert.True(replaced > added);
        Assert.Equal(["192.0.2.20"], Answers("www." + zone, "A"));
        change = await LatestChangeAsync(domain);
        var set = Assert.Single(change.GetProperty("record_sets").EnumerateArray());
        Assert.Equal("192.0.2.10", Assert.Single(set.GetProperty("before").EnumerateArray()).GetProperty("data").GetString());
        Assert.Equal("192.0.2.20", Assert.Single(set.GetProperty("after").EnumerateArray()).GetProperty("data").GetString());

        // Delete one record by value, then a whole name.
        Succeeds(zone, overTcp: false, "update delete new.records.update.test. A 192.0.2.1", "update delete txt.records.update.test.");
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "new." + zone, "A").Status);
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "txt." + zone, "TXT").Status);
        records = await RecordsAsync(domain);
        Assert.DoesNotContain(records, r => r.Name is "new.records.update.test." or "txt.records.update.test.");
        Assert.True(SerialOf(zone) > replaced);

        // The SOA and the apex NS are the platform's: deleting them is ignored (RFC 2136 §3.4.2.3, §3.4.2.4).
        uint before = SerialOf(zone);
        Succeeds(zone, overTcp: false, "update delete records.update.test. NS", "update delete records.update.test. SOA");
        Assert.Equal(before, SerialOf(zone));
        Assert.NotEmpty(Answers(zone, "NS"));
    }

    [Fact]
    public async Task A_failing_prerequisite_changes_nothing()
    {
        const string zone = "prereq.update.test.";
        string domain = await ImportAsync(zone);
        uint serial = SerialOf(zone);
        int changes = await ChangeCountAsync(domain);

        Fails(zone, "YXDOMAIN", "prereq nxdomain www.prereq.update.test.", "update add added.prereq.update.test. 300 A 192.0.2.5");
        Fails(zone, "NXDOMAIN", "prereq yxdomain missing.prereq.update.test.", "update add added.prereq.update.test. 300 A 192.0.2.5");
        Fails(zone, "YXRRSET", "prereq nxrrset www.prereq.update.test. A", "update add added.prereq.update.test. 300 A 192.0.2.5");
        Fails(zone, "NXRRSET", "prereq yxrrset www.prereq.update.test. AAAA", "update add added.prereq.update.test. 300 A 192.0.2.5");
        // Value-dependent: the RRset must hold exactly these values.
        Fails(zone, "NXRRSET", "prereq yxrrset www.prereq.update.test. A 192.0.2.99", "update add added.prereq.update.test. 300 A 192.0.2.5");

        Assert.Equal(serial, SerialOf(zone));
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "added." + zone, "A").Status);
        Assert.Equal(changes, await ChangeCountAsync(domain));

        // The same prerequisites, true this time, let the update through.
        Succeeds(zone, overTcp: true, "prereq yxdomain www.prereq.update.test.", "prereq yxrrset www.prereq.update.test. A 192.0.2.10",
            "prereq nxrrset www.prereq.update.test. AAAA", "update add added.prereq.update.test. 300 A 192.0.2.5");
        Assert.Equal(["192.0.2.5"], Answers("added." + zone, "A"));
    }

    [Fact]
    public async Task A_refused_record_refuses_the_whole_update()
    {
        const string zone = "refused.update.test.";
        string domain = await ImportAsync(zone);
        uint serial = SerialOf(zone);

        // A TTL past the platform's limit, after a good record: neither is written.
        Fails(zone, "REFUSED", "update add good.refused.update.test. 300 A 192.0.2.7", "update add bad.refused.update.test. 700000 A 192.0.2.8");
        // A CNAME at the apex breaks the zone's rules as it would through the API.
        Fails(zone, "REFUSED", "update add good.refused.update.test. 300 A 192.0.2.7", "update add refused.update.test. 300 CNAME www.example.net.");
        // An NS at the apex is the platform's own.
        Fails(zone, "REFUSED", "update add refused.update.test. 300 NS ns9.example.net.");

        Assert.Equal(serial, SerialOf(zone));
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "good." + zone, "A").Status);
        Assert.DoesNotContain(await RecordsAsync(domain), r => r.Name.StartsWith("good.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unsigned_wrong_and_unauthorised_keys_are_refused()
    {
        const string zone = "auth.update.test.";
        string domain = await ImportAsync(zone);
        uint serial = SerialOf(zone);
        int changes = await ChangeCountAsync(domain);
        string[] add = ["update add intruder.auth.update.test. 300 A 192.0.2.66"];
        string secret = Primary.Secrets[UpdatePrimaryFixture.UpdateKey];
        string wrongSecret = Convert.ToBase64String(new byte[32]);

        var unsigned = Nsupdate.Send(Primary.Dns, zone, key: null, overTcp: false, add);
        AssertFailed(unsigned, "REFUSED");
        var badSignature = Nsupdate.Send(Primary.Dns, zone, $"hmac-sha256:{UpdatePrimaryFixture.UpdateKey}:{wrongSecret}", overTcp: false, add);
        AssertFailed(badSignature, "NOTAUTH(BADSIG)");
        var unknownKey = Nsupdate.Send(Primary.Dns, zone, $"hmac-sha256:no-such-key:{secret}", overTcp: true, add);
        AssertFailed(unknownKey, "NOTAUTH(BADKEY)");
        var otherZone = Nsupdate.Send(Primary.Dns, zone, fixture.KeyArgument(UpdatePrimaryFixture.OtherZoneKey), overTcp: false, add);
        AssertFailed(otherZone, "REFUSED");
        // A zone this server does not host.
        var notOurs = Nsupdate.Send(Primary.Dns, "nowhere.update.test.", fixture.KeyArgument(UpdatePrimaryFixture.UpdateKey), overTcp: false,
            "update add x.nowhere.update.test. 300 A 192.0.2.1");
        AssertFailed(notOurs, "NOTAUTH");

        Assert.Equal(serial, SerialOf(zone));
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "intruder." + zone, "A").Status);
        Assert.Equal(changes, await ChangeCountAsync(domain));
    }

    [Fact]
    public async Task A_key_scoped_to_a_name_and_type_changes_only_those()
    {
        const string zone = "scoped.update.test.";
        string domain = await ImportAsync(zone);
        string key = fixture.KeyArgument(UpdatePrimaryFixture.AcmeKey);

        var challenge = Nsupdate.Send(Primary.Dns, zone, key, overTcp: false, "update add _acme-challenge.scoped.update.test. 60 TXT \"token-1\"");
        Assert.True(challenge.ExitCode == 0, challenge.Output);
        Assert.Equal(["\"token-1\""], Answers("_acme-challenge." + zone, "TXT"));
        Assert.Equal("tsig:acme-key.", (await LatestChangeAsync(domain)).GetProperty("principal").GetString());

        uint serial = SerialOf(zone);
        AssertFailed(Nsupdate.Send(Primary.Dns, zone, key, overTcp: false, "update add www.scoped.update.test. 60 A 192.0.2.9"), "REFUSED");
        AssertFailed(Nsupdate.Send(Primary.Dns, zone, key, overTcp: false, "update delete _acme-challenge.scoped.update.test. TXT",
            "update delete www.scoped.update.test. A"), "REFUSED");
        // The right name, another type; and a delete of the whole name, which would reach every type there.
        AssertFailed(Nsupdate.Send(Primary.Dns, zone, key, overTcp: false, "update add _acme-challenge.scoped.update.test. 60 HINFO \"cpu\" \"os\""), "REFUSED");
        AssertFailed(Nsupdate.Send(Primary.Dns, zone, key, overTcp: false, "update delete _acme-challenge.scoped.update.test."), "REFUSED");
        Assert.Equal(["\"token-1\""], Answers("_acme-challenge." + zone, "TXT"));
        Assert.Equal(serial, SerialOf(zone));
        Assert.Equal(["192.0.2.10"], Answers("www." + zone, "A"));

        var cleanup = Nsupdate.Send(Primary.Dns, zone, key, overTcp: true, "update delete _acme-challenge.scoped.update.test. TXT");
        Assert.True(cleanup.ExitCode == 0, cleanup.Output);
        Assert.Equal("NXDOMAIN", Dig.Query("kdig", Primary.Dns, "_acme-challenge." + zone, "TXT").Status);
    }

    private void Succeeds(string zone, bool overTcp, params string[] lines)
    {
        var result = Nsupdate.Send(Primary.Dns, zone, fixture.KeyArgument(UpdatePrimaryFixture.UpdateKey), overTcp, lines);
        Assert.True(result.ExitCode == 0, $"nsupdate failed:\n{result.Output}\nmeridian log:\n{Primary.Log}");
    }

    private void Fails(string zone, string rcode, params string[] lines) =>
        AssertFailed(Nsupdate.Send(Primary.Dns, zone, fixture.KeyArgument(UpdatePrimaryFixture.UpdateKey), overTcp: false, lines), rcode);

    private static void AssertFailed((int ExitCode, string Output) result, string rcode)
    {
        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Contains($"update failed: {rcode}", result.Output, StringComparison.Ordinal);
    }

    private Task<string> ImportAsync(string zone) => Primary.ImportAsync($"""
        $ORIGIN {zone}
        $TTL 300
        www     A     192.0.2.10
        """);

    private uint SerialOf(string zone)
    {
        var soa = Dig.Query("kdig", Primary.Dns, zone, "SOA");
        Assert.Equal("NOERROR", soa.Status);
        return SecondaryServer.SerialOf(soa.Answer[0]) ?? throw new InvalidOperationException(soa.Raw);
    }

    /// <summary>The data of the answer's records, as kdig prints them.</summary>
    private List<string> Answers(string name, string type)
    {
        var response = Dig.Query("kdig", Primary.Dns, name, type);
        Assert.Equal("NOERROR", response.Status);
        return [.. response.Answer.Select(r => string.Join(' ', r.Split(' ').Skip(4))).Order(StringComparer.Ordinal)];
    }

    private sealed record ApiRecord(string Name, string Type, int Ttl, string Value);

    private async Task<List<ApiRecord>> RecordsAsync(string domain)
    {
        var listing = await Primary.GetAsync($"/api/client/domains/{domain}/records");
        return [.. listing.EnumerateArray().Select(r => new ApiRecord(r.GetProperty("name").GetString()!, r.GetProperty("type").GetString()!,
            r.GetProperty("ttl").GetInt32(), r.GetProperty("value").GetString()!))];
    }

    private async Task<JsonElement> LatestChangeAsync(string domain) =>
        (await Primary.GetAsync($"/api/client/domains/{domain}/changes?per_page=1")).GetProperty("changes")[0];

    private async Task<int> ChangeCountAsync(string domain) =>
        (await Primary.GetAsync($"/api/client/domains/{domain}/changes?per_page=1")).GetProperty("pagination").GetProperty("total").GetInt32();
}
