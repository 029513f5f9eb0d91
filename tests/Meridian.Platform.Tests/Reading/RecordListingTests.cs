using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Reading;

/// <summary>Record listings kept per (zone, serial): fresh after a write by this or another process,
/// ownership checked on every read, the same listing handed out while nothing changed.</summary>
public abstract class RecordListingTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private ServiceProvider OtherNode() => NewNode().Services;

    [Fact]
    public async Task A_listing_shows_a_record_written_by_another_node_at_once()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "fresh.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Assert.Single(Ok(await Records.ListAsync(actor, zone.Id)));

        await using (var other = OtherNode())
            Ok(await other.GetRequiredService<RecordService>().CreateAsync(actor, zone.Id, new RecordInput("mail", "A", "192.0.2.2")));

        var listed = Ok(await Records.ListAsync(actor, zone.Id));
        Assert.Equal(["mail.fresh.example.", "www.fresh.example."], listed.Select(r => r.Name));
    }

    [Fact]
    public async Task A_listing_follows_updates_and_deletes_made_by_another_node()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "follow.example");
        var www = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var old = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("old", "A", "192.0.2.9")));
        Assert.Equal(2, Ok(await Records.ListAsync(actor, zone.Id)).Count);

        await using (var other = OtherNode())
        {
            var records = other.GetRequiredService<RecordService>();
            Ok(await records.UpdateAsync(actor, www.Id, new RecordInput(null, null, "198.51.100.1", 120)));
            Ok(await records.DeleteAsync(actor, old.Id));
        }

        var listed = Assert.Single(Ok(await Records.ListAsync(actor, zone.Id)));
        Assert.Equal("198.51.100.1", listed.Data);
        Assert.Equal(120, listed.Ttl);
    }

    [Fact]
    public async Task The_same_listing_is_handed_out_until_the_zone_changes()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "same.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        var first = Ok(await Records.ListingAsync(actor, zone.Id));
        Assert.Same(first, Ok(await Records.ListingAsync(actor, zone.Id)));

        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("api", "A", "192.0.2.3")));
        var second = Ok(await Records.ListingAsync(actor, zone.Id));
        Assert.NotSame(first, second);
        Assert.True(second.Serial > first.Serial, $"{second.Serial} after {first.Serial}");
        Assert.Equal(2, second.Records.Count);
    }

    [Fact]
    public async Task Another_account_or_environment_gets_not_found_even_for_a_kept_listing()
    {
        var owner = await NewClientAsync();
        var zone = await NewZoneAsync(owner, "mine.example");
        Ok(await Records.CreateAsync(owner, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Ok(await Records.ListingAsync(owner, zone.Id));

        var stranger = await NewClientAsync();
        Assert.Equal(ServiceError.DomainNotFound.Message, Refused(await Records.ListAsync(stranger, zone.Id), ServiceErrorKind.NotFound).Message);
        var sandbox = owner with { Environment = ApiEnvironment.Sandbox };
        Refused(await Records.ListingAsync(sandbox, zone.Id), ServiceErrorKind.NotFound);
        Refused(await Records.ListingAsync(owner, Guid.NewGuid()), ServiceErrorKind.NotFound);
    }

    [Fact]
    public async Task A_deleted_zone_is_not_found_even_for_a_kept_listing()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "gone.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Ok(await Records.ListingAsync(actor, zone.Id));
        await using (var other = OtherNode())
            Ok(await other.GetRequiredService<DomainService>().DeleteAsync(actor, zone.Id));
        Refused(await Records.ListingAsync(actor, zone.Id), ServiceErrorKind.NotFound);
    }

    [Fact]
    public async Task A_listing_keeps_every_stored_field_in_name_then_type_order()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "fields.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "MX", "mail.fields.example", 300, 10)));
        var txt = Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "TXT", "v=spf1 -all", null, null, ["US", "EU"])));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("a", "AAAA", "2001:db8::1")));

        var listed = Ok(await Records.ListAsync(actor, zone.Id));
        Assert.Equal(["a.fields.example./AAAA", "fields.example./MX", "fields.example./TXT"], listed.Select(r => r.Name + "/" + r.Type));
        var stored = listed[2];
        Assert.Equal(txt.Id, stored.Id);
        Assert.Equal(zone.Id, stored.ZoneId);
        Assert.Equal(txt.Data, stored.Data);
        Assert.Equal(txt.CountryCodes, stored.CountryCodes);
        Assert.Equal(txt.CreatedAt, stored.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAt.Kind);
        Assert.Equal("10 mail.fields.example.", listed[1].Data);
        Assert.Equal(300, listed[1].Ttl);
    }
}

public sealed class RecordListingSqliteTests() : RecordListingTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class RecordListingPostgresTests(PostgresServer server) : RecordListingTests(server.NewDatabase());
