using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Tests.Services;

/// <summary>Zones: normalization, public suffixes, names taken, hijack, quota, ownership, delete.</summary>
public abstract class DomainServiceTests(ITestStorage storage) : PlatformTestBase(storage)
{
    [Theory]
    [InlineData("Example.COM", "example.com.")]
    [InlineData("  example.org.  ", "example.org.")]
    [InlineData("bücher.example", "xn--bcher-kva.example.")]
    [InlineData("sub.example.co.uk", "sub.example.co.uk.")]
    public async Task Create_normalizes_the_name(string input, string stored)
    {
        var actor = await NewClientAsync();
        var zone = Ok(await Domains.CreateAsync(actor, input));
        Assert.Equal(stored, zone.Name);
        Assert.Equal(actor.AccountId, zone.AccountId);
        Assert.True(zone.Active);
        Assert.Equal(DateTimeKind.Utc, zone.CreatedAt.Kind);
        Assert.Equal(stored, Ok(await Domains.GetAsync(actor, zone.Id)).Name);
    }

    [Theory]
    [InlineData("com")]
    [InlineData("co.uk")]
    [InlineData("localhost")]
    [InlineData("")]
    [InlineData("bad name.com")]
    [InlineData("a..b.com")]
    [InlineData("*.example.com")]
    [InlineData("_dmarc.example.com")]
    [InlineData("-lead.com")]
    [InlineData("trail-.example.com")]
    public async Task Create_refuses_names_that_cannot_be_hosted(string input)
    {
        var actor = await NewClientAsync();
        var error = Refused(await Domains.CreateAsync(actor, input), ServiceErrorKind.Validation);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Empty(await Domains.ListAsync(actor));
    }

    [Fact]
    public async Task Create_refuses_a_public_suffix_with_a_message_naming_it()
    {
        var actor = await NewClientAsync();
        var error = Refused(await Domains.CreateAsync(actor, "co.uk"), ServiceErrorKind.Validation);
        Assert.Contains("public suffix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_refuses_a_name_hosted_by_another_account_as_a_conflict()
    {
        var first = await NewClientAsync();
        var second = await NewClientAsync();
        await NewZoneAsync(first, "taken.example");
        var error = Refused(await Domains.CreateAsync(second, "TAKEN.example."), ServiceErrorKind.Conflict);
        Assert.Contains("another account", error.Message, StringComparison.Ordinal);
        Refused(await Domains.CreateAsync(first, "taken.example"), ServiceErrorKind.Conflict);
    }

    [Fact]
    public async Task Create_refuses_a_parent_or_child_of_another_accounts_zone()
    {
        var owner = await NewClientAsync();
        var other = await NewClientAsync();
        await NewZoneAsync(owner, "shop.example.com");
        Assert.Contains("inside", Refused(await Domains.CreateAsync(other, "eu.shop.example.com"), ServiceErrorKind.Conflict).Message, StringComparison.Ordinal);
        Assert.Contains("contains", Refused(await Domains.CreateAsync(other, "example.com"), ServiceErrorKind.Conflict).Message, StringComparison.Ordinal);
        // The owner may host both levels itself.
        Ok(await Domains.CreateAsync(owner, "eu.shop.example.com"));
        Ok(await Domains.CreateAsync(owner, "example.com"));
        // A sibling name is no one's parent or child.
        Ok(await Domains.CreateAsync(other, "shop2.example.org"));
    }

    [Theory]
    [InlineData("example.net", "a.b.example.net", true)]   // a grandchild
    [InlineData("example.net", "example.network", false)]  // shares the text, not the labels
    [InlineData("example.net", "my-example.net", false)]
    [InlineData("example.net", "xexample.net", false)]
    [InlineData("a-b.example.net", "x.a-b.example.net", true)]
    [InlineData("a-b.example.net", "a.example.net", false)] // '-' sorts before '.', so this checks the range's bounds
    [InlineData("a-b.example.net", "b.a.example.net", false)]
    public async Task A_child_is_found_by_its_labels_in_the_reversed_name_index(string held, string child, bool conflicts)
    {
        var owner = await NewClientAsync();
        var other = await NewClientAsync();
        await NewZoneAsync(owner, child);
        var created = await Domains.CreateAsync(other, held);
        if (conflicts) Assert.Contains("contains " + child + ".", Refused(created, ServiceErrorKind.Conflict).Message, StringComparison.Ordinal);
        else Ok(created);
    }

    [Fact]
    public async Task Zones_written_before_the_reversed_name_existed_get_it_at_start_and_are_found_as_children()
    {
        var owner = await NewClientAsync();
        var other = await NewClientAsync();
        var child = await NewZoneAsync(owner, "old.legacy.example");
        await using (var db = Database.CreateContext())
        {
            // As a row written by an older Meridian: no reversed name.
            await db.Database.ExecuteSqlRawAsync("UPDATE zones SET reversed_name = NULL");
        }
        await Database.MigrateAsync();

        await using (var db = Database.CreateContext())
        {
            var stored = await db.Zones.AsNoTracking().SingleAsync(z => z.Id == child.Id);
            Assert.Equal("example.legacy.old.", stored.ReversedName);
            Assert.Equal(0, await db.Zones.CountAsync(z => z.ReversedName == null));
        }
        Assert.Contains("contains old.legacy.example.", Refused(await Domains.CreateAsync(other, "legacy.example"), ServiceErrorKind.Conflict).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_refuses_past_the_domain_limit_with_the_quota_message()
    {
        var actor = await NewClientAsync(domainLimit: 2);
        await NewZoneAsync(actor, "one.example");
        await NewZoneAsync(actor, "two.example");
        var error = Refused(await Domains.CreateAsync(actor, "three.example"), ServiceErrorKind.QuotaExceeded);
        Assert.Equal("Domain limit reached", error.Message);
        Assert.Equal(2, (await Domains.ListAsync(actor)).Count);

        Ok(await Accounts.SetDomainLimitAsync(actor.AccountId, null));
        Ok(await Domains.CreateAsync(actor, "three.example"));
    }

    [Fact]
    public async Task A_zero_domain_limit_allows_no_domain()
    {
        var actor = await NewClientAsync(domainLimit: 0);
        Refused(await Domains.CreateAsync(actor, "none.example"), ServiceErrorKind.QuotaExceeded);
    }

    [Fact]
    public async Task Another_accounts_domain_is_not_found()
    {
        var owner = await NewClientAsync();
        var stranger = await NewClientAsync();
        var zone = await NewZoneAsync(owner, "private.example");
        Refused(await Domains.GetAsync(stranger, zone.Id), ServiceErrorKind.NotFound);
        Refused(await Domains.DeleteAsync(stranger, zone.Id), ServiceErrorKind.NotFound);
        Refused(await Records.ListAsync(stranger, zone.Id), ServiceErrorKind.NotFound);
        Refused(await Exports.ExportBindAsync(stranger, zone.Id), ServiceErrorKind.NotFound);
        Assert.Empty(await Domains.ListAsync(stranger));
        Assert.Single(await Domains.ListAsync(owner));
        Refused(await Domains.GetAsync(owner, Guid.NewGuid()), ServiceErrorKind.NotFound);
    }

    [Fact]
    public async Task Sandbox_keys_see_only_sandbox_zones()
    {
        var live = await NewClientAsync();
        var sandbox = live with { Environment = ApiEnvironment.Sandbox };
        var zone = await NewZoneAsync(live, "env.example");
        Refused(await Domains.GetAsync(sandbox, zone.Id), ServiceErrorKind.NotFound);
        var production = await Served.DescribeAsync("env.example.");
        var test = Ok(await Domains.CreateAsync(sandbox, "env.example"));
        Assert.Equal(ApiEnvironment.Sandbox, test.Environment);
        Ok(await Records.CreateAsync(sandbox, test.Id, new RecordInput("www", "A", "192.0.2.9")));
        // Sandbox zones are not served by production's engine: the production zone of the same name stays as it was.
        Assert.Equal(production, await Served.DescribeAsync("env.example."));
        Assert.Empty(await Served.AskAsync("www.env.example", "A"));
        Assert.Single(await Domains.ListAsync(sandbox));
        Assert.Single(await Domains.ListAsync(live));
    }

    [Fact]
    public async Task Delete_removes_the_zone_its_records_and_the_served_zone()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "gone.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("www", "A", "192.0.2.1")));
        Ok(await Records.CreateAsync(actor, zone.Id, new RecordInput("@", "TXT", "hello")));
        Assert.True(await Served.IsServedAsync("gone.example."));

        var deleted = Ok(await Domains.DeleteAsync(actor, zone.Id));
        Assert.Equal(zone.Id, deleted.Id);
        Assert.False(await Served.IsServedAsync("gone.example."));
        Refused(await Domains.GetAsync(actor, zone.Id), ServiceErrorKind.NotFound);
        await using var db = Database.CreateContext();
        Assert.Equal(0, await db.Records.CountAsync(r => r.ZoneId == zone.Id));
        Assert.True(await db.ZoneChanges.AnyAsync(c => c.ZoneId == zone.Id && c.Kind == ZoneChangeKind.Deleted));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ZoneId == zone.Id && a.Action == "zone.delete"));
        // The name is free again.
        Ok(await Domains.CreateAsync(await NewClientAsync(), "gone.example"));
    }

    [Fact]
    public async Task Create_publishes_the_empty_zone_with_the_platforms_soa_and_ns()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "fresh.example");
        var served = await Served.RecordsOfAsync("fresh.example.");
        Assert.Equal(3, served.Count);
        Assert.StartsWith($"ns1.meridian.test. hostmaster.meridian.test. {zone.Serial} ", served.Single(r => r.Type == "SOA").Data, StringComparison.Ordinal);
        Assert.Equal(["ns1.meridian.test.", "ns2.meridian.test."], served.Where(r => r.Type == "NS").Select(r => r.Data).Order(StringComparer.Ordinal));
        Assert.Equal((uint)zone.Serial, await Served.SerialOfAsync("fresh.example."));
        await using var db = Database.CreateContext();
        var change = await db.ZoneChanges.SingleAsync(c => c.ZoneId == zone.Id);
        Assert.Equal(ZoneChangeKind.Created, change.Kind);
        Assert.Equal(zone.Serial, change.Serial);
    }
}

public sealed class DomainServiceSqliteTests() : DomainServiceTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class DomainServicePostgresTests(PostgresServer server) : DomainServiceTests(server.NewDatabase());
