using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Partner;

/// <summary>Batches: deletes, patches, posts in that order, all or nothing, one new serial.</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task A_batch_applies_deletes_patches_and_posts_as_one_change_with_one_serial()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "batch");
        var old = await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "old", "A", "192.0.2.1");
        var keep = await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "keep", "A", "192.0.2.2");
        int changesBefore = (await partner.Api.GetAsync($"/api/v1/domains/{domainId}/changes")).Expect(200).GetProperty("pagination").GetProperty("total").GetInt32();

        var result = (await partner.Api.PostJsonAsync($"/api/v1/domains/{domainId}/dns_records/batch", new JsonObject
        {
            ["deletes"] = new JsonArray(new JsonObject { ["id"] = Text(old, "id") }),
            ["patches"] = new JsonArray(new JsonObject { ["id"] = Text(keep, "id"), ["value"] = "192.0.2.3" }),
            ["posts"] = new JsonArray(new JsonObject { ["type"] = "A", ["name"] = "new", ["value"] = "192.0.2.4" },
                new JsonObject { ["type"] = "AAAA", ["name"] = "new", ["value"] = "2001:db8::4" }),
        })).Expect(200);
        Assert.Equal([Text(old, "id")], result.GetProperty("deletes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("192.0.2.3", Text(result.GetProperty("patches")[0], "value"));
        Assert.Equal(2, result.GetProperty("posts").GetArrayLength());

        var changes = (await partner.Api.GetAsync($"/api/v1/domains/{domainId}/changes")).Expect(200);
        Assert.Equal(changesBefore + 1, changes.GetProperty("pagination").GetProperty("total").GetInt32());
        var latest = changes.GetProperty("changes")[0];
        Assert.Equal(result.GetProperty("serial").GetInt64(), latest.GetProperty("serial").GetInt64());
        Assert.Equal(4, latest.GetProperty("record_sets").GetArrayLength());

        var dig = await Dig.QueryAsync(Host.DnsEndpoint, "new." + domain, "A");
        Assert.Equal(["192.0.2.4"], dig.Data("A"));
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(Host.DnsEndpoint, "old." + domain, "A")).Status);
    }

    [Fact]
    public async Task A_batch_with_one_bad_operation_changes_nothing_and_says_which()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "batchbad");
        var old = await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "old", "A", "192.0.2.1");
        var before = await Host.SnapshotAsync();

        var response = await partner.Api.PostJsonAsync($"/api/v1/domains/{domainId}/dns_records/batch", new JsonObject
        {
            ["deletes"] = new JsonArray(new JsonObject { ["id"] = Text(old, "id") }),
            ["posts"] = new JsonArray(new JsonObject { ["type"] = "A", ["name"] = "a", ["value"] = "192.0.2.5" },
                new JsonObject { ["type"] = "A", ["name"] = "b", ["value"] = "not-an-address" }),
        });
        var errors = response.ExpectErrors(422);
        Assert.Single(errors);
        Assert.StartsWith("posts[1]", errors[0], StringComparison.Ordinal);
        Assert.Equal("posts[1].value", Text(response.Json.GetProperty("details")[0], "field"));
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
        (await partner.Api.GetAsync($"/api/v1/dns_records/{Text(old, "id")}")).Expect(200);
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_operations_is_refused()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api, "batchbig");
        var posts = new JsonArray();
        for (int i = 0; i < 1001; i++) posts.Add(new JsonObject { ["type"] = "A", ["name"] = $"h{i}", ["value"] = "192.0.2.1" });
        var errors = (await partner.Api.PostJsonAsync($"/api/v1/domains/{domainId}/dns_records/batch", new JsonObject { ["posts"] = posts })).ExpectErrors(422);
        Assert.Contains("1000", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_journal_names_the_key_and_each_record_set_before_and_after()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api, "journal");
        var record = await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "www", "A", "192.0.2.1");
        (await partner.Api.PatchJsonAsync($"/api/v1/dns_records/{Text(record, "id")}", new JsonObject { ["value"] = "192.0.2.2" })).Expect(200);

        var changes = (await partner.Api.GetAsync($"/api/v1/domains/{domainId}/changes")).Expect(200).GetProperty("changes");
        var update = changes[0];
        Assert.StartsWith("key:", Text(update, "principal"), StringComparison.Ordinal);
        var set = update.GetProperty("record_sets").EnumerateArray().Single();
        Assert.Equal(("www." + domain + ".", "A"), (Text(set, "name"), Text(set, "type")));
        Assert.Equal("192.0.2.1", Text(set.GetProperty("before")[0], "data"));
        Assert.Equal("192.0.2.2", Text(set.GetProperty("after")[0], "data"));
        var create = changes[1];
        Assert.Empty(create.GetProperty("record_sets")[0].GetProperty("before").EnumerateArray());
        Assert.Equal("created", Text(changes[changes.GetArrayLength() - 1], "kind"));
    }
}
