using Meridian.Platform.Model;
using Meridian.Platform.Records;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Services;

/// <summary>Records: names, types, values, TTL, priority, country codes, zone-wide rules, ownership,
/// serial and publishing.</summary>
public abstract class RecordServiceTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private async Task<(Meridian.Platform.Auth.Actor Actor, Zone Zone)> ZoneAsync(string name = "example.com")
    {
        var actor = await NewClientAsync();
        return (actor, await NewZoneAsync(actor, name));
    }

    [Theory]
    [InlineData("www", "A", "192.0.2.1", null, "www.example.com.", "192.0.2.1")]
    [InlineData("@", "aaaa", "2001:DB8::1", null, "example.com.", "2001:db8::1")]
    [InlineData("", "A", "192.0.2.1.", null, "example.com.", "192.0.2.1")]
    [InlineData("WWW.Example.Com.", "cname", "target.example.net", null, "www.example.com.", "target.example.net.")]
    [InlineData("www.example.com", "CNAME", "target.example.net.", null, "www.example.com.", "target.example.net.")]
    [InlineData("@", "MX", "mail.example.com", 10L, "example.com.", "10 mail.example.com.")]
    [InlineData("@", "MX", "20 mx2.example.com.", null, "example.com.", "20 mx2.example.com.")]
    [InlineData("_sip._tcp", "SRV", "5 5060 sip.example.com", 1L, "_sip._tcp.example.com.", "1 5 5060 sip.example.com.")]
    [InlineData("_dmarc", "TXT", "v=DMARC1; p=none", null, "_dmarc.example.com.", "\"v=DMARC1; p=none\"")]
    [InlineData("@", "TXT", "\"part one\" \"part two\"", null, "example.com.", "\"part one\" \"part two\"")]
    [InlineData("*", "A", "192.0.2.7", null, "*.example.com.", "192.0.2.7")]
    [InlineData("*.dev", "A", "192.0.2.8", null, "*.dev.example.com.", "192.0.2.8")]
    [InlineData("@", "CAA", "0 issue \"letsencrypt.org\"", null, "example.com.", "0 issue \"letsencrypt.org\"")]
    [InlineData("4.3.2.1", "PTR", "host.example.com", null, "4.3.2.1.example.com.", "host.example.com.")]
    [InlineData("sub", "NS", "ns1.other.net", null, "sub.example.com.", "ns1.other.net.")]
    [InlineData("_443._tcp", "TLSA", "3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", null, "_443._tcp.example.com.", "3 1 1 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("@", "HTTPS", "1 . alpn=h2,h3", null, "example.com.", "1 . alpn=\"h2,h3\"")]
    [InlineData("@", "SSHFP", "4 2 123456789abcdef67890123456789abcdef67890123456789abcdef123456789", null, "example.com.", "4 2 123456789ABCDEF67890123456789ABCDEF67890123456789ABCDEF123456789")]
    [InlineData("x", "TYPE65280", "\\# 2 abcd", null, "x.example.com.", "\\# 2 ABCD")]
    public async Task Create_stores_the_canonical_form(string name, string type, string value, long? priority, string storedName, string storedData)
    {
        var (actor, zone) = await ZoneAsync();
        var record = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput(name, type, value, Priority: priority)));
        Assert.Equal(storedName, record.Name);
        Assert.Equal(type.ToUpperInvariant(), record.Type);
        Assert.Equal(storedData, record.Data);
        Assert.Equal(3600, record.Ttl);
        Assert.Equal(["disabled"], record.CountryCodes);
        var listed = Assert.Single(Ok(await Records.ListAsync(actor, zone.Id)));
        Assert.Equal(record.Id, listed.Id);
        Assert.Equal(storedData, listed.Data);
        Assert.Equal(["disabled"], listed.CountryCodes);
    }

    [Fact]
    public async Task A_long_txt_value_is_one_logical_string_cut_at_255_octets()
    {
        var (actor, zone) = await ZoneAsync();
        string key = "v=DKIM1; k=rsa; p=" + new string('A', 400);
        var record = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("sel._domainkey", "TXT", key)));
        Assert.Equal($"\"{key[..255]}\" \"{key[255..]}\"", record.Data);
    }

    [Theory]
    [InlineData("www", "A", "999.1.1.1", null, "Invalid A value")]
    [InlineData("www", "A", "2001:db8::1", null, "Invalid A value")]
    [InlineData("www", "AAAA", "192.0.2.1", null, "Invalid AAAA value")]
    [InlineData("www.other.org.", "A", "192.0.2.1", null, "does not belong to domain example.com.")]
    [InlineData("bad name", "A", "192.0.2.1", null, "not valid")]
    [InlineData("a.*.b", "A", "192.0.2.1", null, "leftmost")]
    [InlineData("www", "BOGUS", "1", null, "not a record type")]
    [InlineData("www", "", "1", null, "type is required")]
    [InlineData("www", "A", "", null, "value is required")]
    [InlineData("@", "SOA", "ns. host. 1 2 3 4 5", null, "SOA records are made by the platform")]
    [InlineData("@", "ANY", "x", null, "meta type")]
    [InlineData("@", "MX", "mail.example.com", null, "need a priority")]
    [InlineData("@", "MX", "mail.example.com", 65536L, "out of range (0-65535)")]
    [InlineData("@", "MX", "mail.example.com", -1L, "out of range (0-65535)")]
    [InlineData("@", "MX", "70000 mail.example.com", null, "Invalid MX value")]
    [InlineData("_sip._tcp", "SRV", "sip.example.com", 1L, "Invalid SRV value")]
    [InlineData("@", "CNAME", "other.example.net", null, "cannot be at the apex")]
    [InlineData("@", "NS", "ns1.other.net", null, "platform's own")]
    [InlineData("www", "CNAME", "a.example.net b", null, "Invalid CNAME value")]
    [InlineData("www", "MX", "10 mail ; comment", null, "comment")]
    public async Task Create_refuses_bad_records_with_a_message(string name, string type, string value, long? priority, string message)
    {
        var (actor, zone) = await ZoneAsync();
        var error = Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput(name, type, value, Priority: priority)), ServiceErrorKind.Validation);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(Ok(await Records.ListAsync(actor, zone.Id)));
        Assert.Equal(zone.Serial, Ok(await Domains.GetAsync(actor, zone.Id)).Serial);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(604_801L)]
    [InlineData(-5L)]
    public async Task Create_refuses_a_ttl_out_of_range(long ttl)
    {
        var (actor, zone) = await ZoneAsync();
        var error = Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1", ttl)), ServiceErrorKind.Validation);
        Assert.Contains("out of range (1-604800", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(604_800L)]
    public async Task Create_accepts_the_ttl_limits(long ttl)
    {
        var (actor, zone) = await ZoneAsync();
        Assert.Equal(ttl, Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1", ttl))).Ttl);
    }

    [Fact]
    public async Task Create_refuses_exact_duplicates_but_not_a_second_value()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var error = Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("WWW", "a", "192.0.2.1")), ServiceErrorKind.Validation);
        Assert.Contains("duplicate record", error.Message, StringComparison.Ordinal);
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.2")));
        Assert.Equal(2, Ok(await Records.ListAsync(actor, zone.Id)).Count);
    }

    [Fact]
    public async Task A_cname_cannot_sit_beside_other_data()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Assert.Contains("a CNAME cannot sit beside other data",
            Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "CNAME", "x.example.net")), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("alias", "CNAME", "x.example.net")));
        Assert.Contains("has a CNAME record",
            Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("alias", "TXT", "hi")), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
        Assert.Contains("only one",
            Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("alias", "CNAME", "y.example.net")), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Country_codes_default_to_disabled_and_are_normalized()
    {
        var (actor, zone) = await ZoneAsync();
        Assert.Equal(["disabled"], Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("a", "A", "192.0.2.1", CountryCodes: []))).CountryCodes);
        Assert.Equal(["US", "CA"], Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("b", "A", "192.0.2.1", CountryCodes: ["us", " CA "]))).CountryCodes);
        Assert.Equal(["EU", "country:NA"], Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("d", "A", "192.0.2.1", CountryCodes: ["eu", "COUNTRY:na"]))).CountryCodes);
        Assert.Equal(["disabled"], Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("e", "A", "192.0.2.1", CountryCodes: ["Disabled"]))).CountryCodes);
        Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("f", "A", "192.0.2.1", CountryCodes: ["disabled", "US"])), ServiceErrorKind.Validation);
        var error = Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("c", "A", "192.0.2.1", CountryCodes: ["US", "Atlantis"])), ServiceErrorKind.Validation);
        Assert.StartsWith("Invalid country code 'Atlantis': ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ZZ'", Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("c", "A", "192.0.2.1", CountryCodes: ["ZZ"])), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_record_is_answered_where_its_parsed_country_codes_say()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1", CountryCodes: ["us", "country:SA"])));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.2")));
        var moved = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("only-eu", "A", "192.0.2.3", CountryCodes: ["EU"])));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("only-eu", "A", "192.0.2.4")));
        Ok(await Records.UpdateAsync(actor, moved.Id, new RecordInput(CountryCodes: ["DACH", "NORDICS"])));

        Assert.Equal(["192.0.2.1"], await Served.AskFromAsync("US", "www.example.com", "A"));
        // "country:SA" is Saudi Arabia; the continent SA (where Brazil is) gets the global record.
        Assert.Equal(["192.0.2.1"], await Served.AskFromAsync("SA", "www.example.com", "A"));
        Assert.Equal(["192.0.2.2"], await Served.AskFromAsync("BR", "www.example.com", "A"));
        Assert.Equal(["192.0.2.2"], await Served.AskFromAsync("FR", "www.example.com", "A"));
        // Moved from EU to DACH and the Nordics: France, in the EU but neither, now gets the global record.
        Assert.Equal(["192.0.2.3"], await Served.AskFromAsync("DE", "only-eu.example.com", "A"));
        Assert.Equal(["192.0.2.3"], await Served.AskFromAsync("SE", "only-eu.example.com", "A"));
        Assert.Equal(["192.0.2.4"], await Served.AskFromAsync("FR", "only-eu.example.com", "A"));
    }

    [Fact]
    public async Task Every_write_raises_the_serial_and_publishes_the_zone()
    {
        var (actor, zone) = await ZoneAsync();
        uint serial = (uint)zone.Serial;
        var record = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        uint afterCreate = await Served.SerialOfAsync("example.com.");
        Assert.True(Meridian.Platform.Publishing.SerialNumbers.IsGreater(afterCreate, serial));
        Assert.Equal(["192.0.2.1"], await Served.AskAsync("www.example.com", "A"));

        Ok(await Records.UpdateAsync(actor, record.Id, new RecordInput(Value: "192.0.2.2")));
        uint afterUpdate = await Served.SerialOfAsync("example.com.");
        Assert.True(Meridian.Platform.Publishing.SerialNumbers.IsGreater(afterUpdate, afterCreate));
        Assert.Equal(["192.0.2.2"], await Served.AskAsync("www.example.com", "A"));

        Ok(await Records.DeleteAsync(actor, record.Id));
        uint afterDelete = await Served.SerialOfAsync("example.com.");
        Assert.True(Meridian.Platform.Publishing.SerialNumbers.IsGreater(afterDelete, afterUpdate));
        Assert.Empty(await Served.DescribeAsync("example.com.", "A"));
        Assert.Equal(afterDelete, (uint)Ok(await Domains.GetAsync(actor, zone.Id)).Serial);

        await using var db = Database.CreateContext();
        var changes = await db.ZoneChanges.Where(c => c.ZoneId == zone.Id).OrderBy(c => c.Sequence).Select(c => c.Serial).ToListAsync();
        Assert.Equal([zone.Serial, afterCreate, afterUpdate, afterDelete], changes);
        var actions = await db.AuditEvents.Where(a => a.ZoneId == zone.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["record.create", "record.delete", "record.update", "zone.create"], actions.Order(StringComparer.Ordinal));
        Assert.All(await db.AuditEvents.Where(a => a.RecordId == record.Id).ToListAsync(), a => Assert.Equal(actor.ApiKeyId, a.ApiKeyId));
    }

    [Fact]
    public async Task A_refused_write_changes_neither_serial_nor_served_zone()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var served = await Served.DescribeAsync("example.com.");
        long serial = Ok(await Domains.GetAsync(actor, zone.Id)).Serial;
        Refused(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")), ServiceErrorKind.Validation);
        Assert.Equal(served, await Served.DescribeAsync("example.com."));
        Assert.Equal(serial, Ok(await Domains.GetAsync(actor, zone.Id)).Serial);
    }

    [Fact]
    public async Task Update_changes_only_the_given_fields_and_keeps_the_mx_priority()
    {
        var (actor, zone) = await ZoneAsync();
        var mx = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "MX", "mail.example.com", 300, 10)));
        var moved = Ok(await Records.UpdateAsync(actor, mx.Id, new RecordInput(Value: "mail2.example.com")));
        Assert.Equal("10 mail2.example.com.", moved.Data);
        Assert.Equal(300, moved.Ttl);
        Assert.Equal("example.com.", moved.Name);
        var reprioritized = Ok(await Records.UpdateAsync(actor, mx.Id, new RecordInput(Priority: 5)));
        Assert.Equal("5 mail2.example.com.", reprioritized.Data);
        Assert.Equal((5, "mail2.example.com."), RecordValueRules.SplitPriority(reprioritized.Type, reprioritized.Data));
        var renamed = Ok(await Records.UpdateAsync(actor, mx.Id, new RecordInput(Name: "sub", Ttl: 60, CountryCodes: ["DE"])));
        Assert.Equal("sub.example.com.", renamed.Name);
        Assert.Equal(60, renamed.Ttl);
        Assert.Equal(["DE"], renamed.CountryCodes);
        var retyped = Ok(await Records.UpdateAsync(actor, mx.Id, new RecordInput(Type: "a", Value: "192.0.2.5")));
        Assert.Equal("A", retyped.Type);
        Assert.Equal("192.0.2.5", retyped.Data);
        Assert.Contains("required when the type changes",
            Refused(await Records.UpdateAsync(actor, mx.Id, new RecordInput(Type: "AAAA")), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_applies_the_zone_rules_without_counting_the_record_itself()
    {
        var (actor, zone) = await ZoneAsync();
        var a = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var b = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.2")));
        Ok(await Records.UpdateAsync(actor, a.Id, new RecordInput(Value: "192.0.2.1")));
        Assert.Contains("duplicate", Refused(await Records.UpdateAsync(actor, a.Id, new RecordInput(Value: "192.0.2.2")), ServiceErrorKind.Validation).Message, StringComparison.Ordinal);
        Ok(await Records.DeleteAsync(actor, b.Id));
        // The only record at the name may become a CNAME.
        Assert.Equal("CNAME", Ok(await Records.UpdateAsync(actor, a.Id, new RecordInput(Type: "CNAME", Value: "x.example.net"))).Type);
    }

    [Fact]
    public async Task A_record_set_shares_one_ttl()
    {
        var (actor, zone) = await ZoneAsync();
        var first = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1", 300)));
        // No TTL given: the set's TTL, not the default.
        var second = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.2")));
        Assert.Equal(300, second.Ttl);
        // A TTL given: the whole set follows.
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.3", 900)));
        var listed = Ok(await Records.ListAsync(actor, zone.Id));
        Assert.All(listed, r => Assert.Equal(900, r.Ttl));
        Ok(await Records.UpdateAsync(actor, first.Id, new RecordInput(Ttl: 120)));
        Assert.All(Ok(await Records.ListAsync(actor, zone.Id)), r => Assert.Equal(120, r.Ttl));
        var served = (await Served.RecordsOfAsync("example.com.")).Where(r => r.Type == "A").ToList();
        Assert.Equal(3, served.Count);
        Assert.All(served, r => Assert.Equal(120u, r.Ttl));
    }

    [Fact]
    public async Task Another_accounts_record_is_not_found()
    {
        var (owner, zone) = await ZoneAsync();
        var stranger = await NewClientAsync();
        var strangerZone = await NewZoneAsync(stranger, "stranger.example");
        var record = Ok(await Records.CreateAsync(owner, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Assert.Equal("Record not found", Refused(await Records.GetAsync(stranger, record.Id), ServiceErrorKind.NotFound).Message);
        Refused(await Records.UpdateAsync(stranger, record.Id, new RecordInput(Value: "192.0.2.9")), ServiceErrorKind.NotFound);
        Refused(await Records.DeleteAsync(stranger, record.Id), ServiceErrorKind.NotFound);
        Assert.Equal("Domain not found", Refused(await Records.CreateAsync(stranger, zone.Id, new RecordInput("x", "A", "192.0.2.1")), ServiceErrorKind.NotFound).Message);
        Refused(await Records.GetAsync(owner, Guid.NewGuid()), ServiceErrorKind.NotFound);
        Assert.Equal("192.0.2.1", Ok(await Records.GetAsync(owner, record.Id)).Data);
        Assert.Empty(Ok(await Records.ListAsync(stranger, strangerZone.Id)));
    }

    [Fact]
    public async Task Committed_records_are_published_again_after_a_restart()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "MX", "mail.example.com", Priority: 10)));
        var (services, restarted) = NewNode();
        int published = await services.GetRequiredService<PlatformStartup>().StartAsync();
        Assert.True(published >= 1);
        Assert.Equal(await Served.SerialOfAsync("example.com."), await restarted.SerialOfAsync("example.com."));
        Assert.Equal(await Served.DescribeAsync("example.com."), await restarted.DescribeAsync("example.com."));
    }

    [Fact]
    public async Task After_a_restart_every_zone_is_held_so_its_first_write_is_published_incrementally()
    {
        var (actor, zone) = await ZoneAsync();
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var empty = await NewZoneAsync(actor, "empty-" + Guid.NewGuid().ToString("N")[..6] + ".example");
        var (services, restarted) = NewNode();
        await services.GetRequiredService<PlatformStartup>().StartAsync();
        // A zone without records of its own is served too (its SOA and NS).
        Assert.Equal(["NS", "NS", "SOA"], (await restarted.RecordsOfAsync(empty.Name)).Select(r => r.Type).Order(StringComparer.Ordinal));
        var records = services.GetRequiredService<RecordService>();
        uint before = await restarted.SerialOfAsync("example.com.");

        Ok(await records.CreateAsync(actor, zone.Id, new RecordInput("api", "A", "192.0.2.2")));

        Assert.True(Meridian.Platform.Publishing.SerialNumbers.IsGreater(await restarted.SerialOfAsync("example.com."), before));
        Assert.Equal(["192.0.2.1"], await restarted.AskAsync("www.example.com", "A"));
        Assert.Equal(["192.0.2.2"], await restarted.AskAsync("api.example.com", "A"));
        // Held since the start (a following node needs it to withdraw a zone deleted elsewhere): only the change goes out.
        Assert.Equal(PublicationKind.Incremental, restarted.Publications.Of("example.com.")[^1].Kind);
    }
}

public sealed class RecordServiceSqliteTests() : RecordServiceTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class RecordServicePostgresTests(PostgresServer server) : RecordServiceTests(server.NewDatabase());
