using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>The issue's scenario on the Partner API, checked in DNS with dig.</summary>
[Collection(LiveCollection.Name)]
public sealed class PartnerScenarioTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task A_partner_user_gets_a_session_and_a_domain_whose_records_dig_sees_created_updated_and_deleted()
    {
        using var client = PartnerClient();
        var userIdentifier = $"user-{Guid.NewGuid():N}";

        var session = await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = userIdentifier, Email = "user@example.com" });
        Assert.Equal(userIdentifier, session.UserIdentifier);
        Assert.StartsWith("http", session.LoginUrl, StringComparison.Ordinal);

        var domainName = NewDomainName("partner");
        var domain = await client.Users.AddDomainAsync(userIdentifier, new CreateDomainRequest { Name = domainName });
        Assert.Equal(domainName, domain.Name);
        Assert.Contains(await ToListAsync(client.Users.ListDomainsAsync(userIdentifier)), listed => listed.Id == domain.Id);

        var www = await client.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "www", Value = "192.0.2.10", Ttl = 300 });
        var mail = await client.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "MX", Name = "@", Value = "mail." + domainName, Priority = 10 });
        Assert.Equal(["192.0.2.10"], await DigUntilAsync($"www.{domainName}", "A", "192.0.2.10"));
        Assert.Equal([$"10 mail.{domainName}."], await DigUntilAsync(domainName, "MX", $"10 mail.{domainName}."));

        var listed = await ToListAsync(client.Records.ListAsync(domain.Id));
        Assert.Contains(listed, record => record.Id == www.Id && record.Value == "192.0.2.10" && record.Ttl == 300);
        Assert.Contains(listed, record => record.Id == mail.Id && record.Priority == 10);
        Assert.Equal([www.Id], (await ToListAsync(client.Records.ListAsync(domain.Id, type: "A"))).Select(record => record.Id));

        var updated = await client.Records.UpdateAsync(www.Id, new UpdateRecordRequest { Value = "192.0.2.20" });
        Assert.Equal("192.0.2.20", updated.Value);
        Assert.Equal(300, updated.Ttl);
        Assert.Equal(["192.0.2.20"], await DigUntilAsync($"www.{domainName}", "A", "192.0.2.20"));

        await client.Records.DeleteAsync(www.Id);
        Assert.Empty(await DigUntilAsync($"www.{domainName}", "A"));
        await Assert.ThrowsAsync<MeridianNotFoundException>(() => client.Records.GetAsync(www.Id));

        var changes = await ToListAsync(client.Domains.ListChangesAsync(domain.Id));
        Assert.True(changes.Count >= 4, $"{changes.Count} changes");

        await client.Domains.DeleteAsync(domain.Id);
        await Assert.ThrowsAsync<MeridianNotFoundException>(() => client.Domains.GetAsync(domain.Id));
    }

    [Fact]
    public async Task A_batch_deletes_patches_and_posts_in_one_change_and_lists_walk_every_page()
    {
        using var client = PartnerClient();
        var user = $"batch-{Guid.NewGuid():N}";
        await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = user });
        var domainName = NewDomainName("batch");
        var domain = await client.Users.AddDomainAsync(user, new CreateDomainRequest { Name = domainName });
        var old = await client.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "old", Value = "192.0.2.1" });
        var keep = await client.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "keep", Value = "192.0.2.2" });

        // 120 new hosts: more than one page of 100, so the list below has to ask for the second page.
        var posts = Enumerable.Range(1, 120).Select(i => new BatchPost { Type = "A", Name = $"host{i}", Value = $"198.51.100.{i}", Ttl = 60 }).ToList();
        var result = await client.Records.BatchAsync(domain.Id, new BatchRequest
        {
            Deletes = [new BatchDelete { Id = old.Id }],
            Patches = [new BatchPatch { Id = keep.Id, Value = "192.0.2.3" }],
            Posts = posts,
        });

        Assert.Equal([old.Id], result.Deletes);
        Assert.Equal("192.0.2.3", Assert.Single(result.Patches).Value);
        Assert.Equal(120, result.Posts.Count);
        Assert.Equal(["198.51.100.120"], await DigUntilAsync($"host120.{domainName}", "A", "198.51.100.120"));
        Assert.Equal(["192.0.2.3"], await DigUntilAsync($"keep.{domainName}", "A", "192.0.2.3"));
        Assert.Empty(await DigUntilAsync($"old.{domainName}", "A"));

        var all = await ToListAsync(client.Records.ListAsync(domain.Id, type: "A"));
        Assert.Equal(121, all.Count);
        Assert.Equal(121, all.Select(record => record.Id).Distinct().Count());
    }

    [Fact]
    public async Task Invalid_input_is_a_typed_422_carrying_the_partner_error_body()
    {
        using var client = PartnerClient();
        var user = $"invalid-{Guid.NewGuid():N}";
        await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = user });
        var domain = await client.Users.AddDomainAsync(user, new CreateDomainRequest { Name = NewDomainName("invalid") });

        var error = await Assert.ThrowsAsync<MeridianUnprocessableEntityException>(() => client.Records.CreateAsync(
            new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "www", Value = "not-an-address", Ttl = 300 }));

        Assert.Equal(422, error.Status);
        Assert.NotEmpty(error.Messages);
        Assert.Equal(error.Messages[0], error.Body.GetProperty("errors")[0].GetString());
        Assert.All(error.Problems, problem => Assert.False(string.IsNullOrEmpty(problem.Code)));
        var body = error.BodyAs(PartnerApiJsonContext.Default.PartnerErrorBody);
        Assert.NotNull(body);
        Assert.Equal(error.Messages, body.Errors);
        Assert.Equal(error.Problems.Select(problem => problem.Field), body.Details!.Select(detail => detail.Field));
        Assert.Empty(await ToListAsync(client.Records.ListAsync(domain.Id, type: "A")));   // nothing half written

        var conflict = await Assert.ThrowsAnyAsync<MeridianApiException>(() =>
            client.Users.AddDomainAsync(user, new CreateDomainRequest { Name = domain.Name }, new RequestOptions { MaxRetries = 0 }));
        Assert.Equal(409, conflict.Status);
        Assert.IsType<MeridianConflictException>(conflict);

        await Assert.ThrowsAsync<MeridianNotFoundException>(() => client.Domains.GetAsync(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task A_POST_sent_again_with_its_Idempotency_Key_is_applied_once()
    {
        using var client = PartnerClient();
        var user = $"idem-{Guid.NewGuid():N}";
        await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = user });
        var domain = await client.Users.AddDomainAsync(user, new CreateDomainRequest { Name = NewDomainName("idem") });
        var once = new RequestOptions { IdempotencyKey = $"create-www-{Guid.NewGuid():N}" };
        var request = new CreateRecordRequest { DomainId = domain.Id, Type = "TXT", Name = "www", Value = "hello" };

        var first = await client.Records.CreateAsync(request, once);
        var again = await client.Records.CreateAsync(request, once);

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await ToListAsync(client.Records.ListAsync(domain.Id, type: "TXT")));
    }
}
