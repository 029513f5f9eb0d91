using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task CreateDomain_returns_201_with_the_name_trimmed_lowercased_and_dotted()
    {
        var client = await Host.NewClientAsync();
        string name = TestNames.Domain("norm");

        var domain = (await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = "  " + name.ToUpperInvariant() + " " })).Expect(201);

        AssertDomainShape(domain, client.AccountId, name + ".");
    }

    [Fact]
    public async Task CreateDomain_keeps_a_trailing_dot_and_turns_an_IDN_into_A_labels()
    {
        var client = await Host.NewClientAsync();
        string parent = TestNames.Domain("idn");

        var dotted = await client.Api.CreateDomainAsync(parent + ".");
        var idn = await client.Api.CreateDomainAsync("Bücher." + parent);

        Assert.Equal(parent + ".", Text(dotted, "name"));
        Assert.Equal("xn--bcher-kva." + parent + ".", Text(idn, "name"));
    }

    [Fact]
    public async Task ListDomains_returns_exactly_the_callers_domains()
    {
        var client = await Host.NewClientAsync();
        var other = await Host.NewClientAsync();
        var first = await client.Api.CreateDomainAsync(TestNames.Domain("list"));
        var second = await client.Api.CreateDomainAsync(TestNames.Domain("list"));
        await other.Api.CreateDomainAsync(TestNames.Domain("list"));

        var listed = (await client.Api.GetAsync("/api/client/domains")).Expect(200);

        Assert.Equal([IdOf(first), IdOf(second)], listed.EnumerateArray().Select(IdOf).Order());
        foreach (var domain in listed.EnumerateArray()) AssertDomainShape(domain, client.AccountId, Text(domain, "name"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task CreateDomain_reads_the_JSON_body_whatever_its_content_type(string? contentType)
    {
        // Documented in README ("APIs"): the bearer token, which no cross-site form can add, is what keeps a browser's
        // simple request out, so the media type is not checked.
        var client = await Host.NewClientAsync();
        string name = TestNames.Domain("ctype");
        var content = new StringContent($$"""{"name":"{{name}}"}""");
        content.Headers.ContentType = contentType is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var created = (await client.Api.SendAsync(HttpMethod.Post, "/api/client/domains", content)).Expect(201);

        Assert.Equal(name + ".", Text(created, "name"));
    }

    [Fact]
    public async Task ListDomains_is_an_empty_array_for_a_new_client()
    {
        var client = await Host.NewClientAsync();

        var response = await client.Api.GetAsync("/api/client/domains");

        Assert.Equal("[]", response.Body);
        Assert.Equal("application/json", response.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateDomain_is_403_Domain_limit_reached_when_the_quota_is_used_up()
    {
        var client = await Host.NewClientAsync(domainLimit: 1);
        await client.Api.CreateDomainAsync(TestNames.Domain("quota"));
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = TestNames.Domain("quota") });

        Assert.Equal(403, refused.Status);
        Assert.Equal("Domain limit reached", refused.Error);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
        Assert.Single((await client.Api.GetAsync("/api/client/domains")).Expect(200).EnumerateArray());
    }

    [Fact]
    public async Task CreateDomain_is_403_for_a_client_whose_limit_is_zero()
    {
        var client = await Host.NewClientAsync(domainLimit: 0);

        var refused = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = TestNames.Domain("zero") });

        Assert.Equal(403, refused.Status);
        Assert.Equal("Domain limit reached", refused.Error);
    }

    [Fact]
    public async Task CreateDomain_is_409_when_the_caller_already_has_the_domain()
    {
        var (client, _, zone) = await ClientWithDomainAsync("dup");

        var again = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = zone.TrimEnd('.').ToUpperInvariant() });

        again.ExpectError(409, "already exists");
    }

    [Fact]
    public async Task CreateDomain_is_409_when_another_account_hosts_the_domain_or_its_parent_or_child()
    {
        var (_, _, zone) = await ClientWithDomainAsync("taken");
        var intruder = await Host.NewClientAsync();
        var before = await Host.SnapshotAsync();

        var same = await intruder.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = zone });
        var child = await intruder.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = "shop." + zone });

        same.ExpectError(409, zone);
        child.ExpectError(409, zone);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Theory]
    [InlineData("com")]
    [InlineData("CO.UK.")]
    [InlineData(" org ")]
    public async Task CreateDomain_refuses_a_public_suffix_with_400(string name)
    {
        var client = await Host.NewClientAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = name });

        refused.ExpectError(400, "public suffix");
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("   ", "required")]
    [InlineData("exa mple.com", "not a valid domain name")]
    [InlineData("a..b.com", "not a valid domain name")]
    [InlineData("under_score.com", "not a valid domain name")]
    [InlineData("*.wild.com", "not a valid domain name")]
    [InlineData("-lead.com", "not a valid domain name")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com", "not a valid domain name")]
    public async Task CreateDomain_refuses_a_name_that_is_not_a_host_name_with_400(string name, string fragment)
    {
        var client = await Host.NewClientAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = name });

        refused.ExpectError(400, fragment);
        Assert.Equal("[]", (await client.Api.GetAsync("/api/client/domains")).Body);
    }

    [Fact]
    public async Task CreateDomain_without_a_name_field_is_400()
    {
        var client = await Host.NewClientAsync();

        var refused = await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["nom"] = TestNames.Domain() });

        refused.ExpectError(400, "required");
    }

    [Fact]
    public async Task DeleteDomain_returns_the_message_removes_the_records_and_DNS_stops_answering()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("gone");
        await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.10");
        Assert.Equal("NOERROR", (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Status);

        var deleted = (await client.Api.DeleteAsync($"/api/client/domains/{domainId}")).Expect(200);

        Assert.Equal("""{"message":"Domain deleted"}""", deleted.GetRawText());
        Assert.Equal("REFUSED", (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Status);
        Assert.Equal("REFUSED", (await Dig.QueryAsync(Host.DnsEndpoint, zone, "SOA")).Status);
        Assert.DoesNotContain((await Host.SnapshotAsync()).Lines, line => line.Contains(domainId.ToString(), StringComparison.Ordinal));
        (await client.Api.GetAsync($"/api/client/domains/{domainId}/records")).ExpectError(404, "Domain not found");
        Assert.Equal("[]", (await client.Api.GetAsync("/api/client/domains")).Body);
    }

    [Fact]
    public async Task DeleteDomain_frees_the_name_and_the_quota()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("again", domainLimit: 1);
        (await client.Api.DeleteAsync($"/api/client/domains/{domainId}")).Expect(200);

        var recreated = await client.Api.CreateDomainAsync(zone);

        Assert.NotEqual(domainId, IdOf(recreated));
    }

    [Fact]
    public async Task DeleteDomain_is_404_for_an_unknown_id_and_400_for_a_malformed_one()
    {
        var client = await Host.NewClientAsync();

        (await client.Api.DeleteAsync($"/api/client/domains/{Guid.NewGuid()}")).ExpectError(404, "not found");
        (await client.Api.DeleteAsync("/api/client/domains/not-a-uuid")).ExpectError(400, "Invalid domain ID");
    }
}
