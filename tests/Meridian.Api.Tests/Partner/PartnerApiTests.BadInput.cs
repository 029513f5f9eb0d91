using System.Text;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Partner;

/// <summary>Bad input gets a clear error in the Partner API's shape and changes nothing.</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task Validation_lists_every_problem_found_each_with_field_code_and_message()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api);
        var before = await Host.SnapshotAsync();
        var response = await partner.Api.PostJsonAsync("/api/v1/dns_records",
            new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = "www", ["value"] = "999.1.1.1", ["ttl"] = -5 });
        var errors = response.ExpectErrors(422);
        Assert.Equal(2, errors.Count);
        var fields = response.Json.GetProperty("details").EnumerateArray().Select(d => Text(d, "field")).ToList();
        Assert.Equal(["ttl", "value"], fields.Order(StringComparer.Ordinal));
        Assert.All(response.Json.GetProperty("details").EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(Text(d, "code"))));
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);

        var missing = (await partner.Api.PostJsonAsync("/api/v1/dns_records", new JsonObject())).ExpectErrors(422);
        Assert.Equal(4, missing.Count);
        (await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = new string('u', 256) })).ExpectErrors(422);
        (await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "ok", ["email"] = "not an email" })).ExpectErrors(422);
    }

    [Theory]
    [InlineData("{\"domain_id\": ", "not valid JSON")]
    [InlineData("[1, 2]", "")]
    [InlineData("{\"domain_id\": \"x\", \"type\": \"A\", \"name\": \"@\", \"value\": \"192.0.2.1\", \"tll\": 60}", "Unknown field 'tll'")]
    [InlineData("{\"domain_id\": \"x\", \"type\": \"A\", \"name\": \"@\", \"value\": \"192.0.2.1\", \"ttl\": \"60\"}", "wrong type")]
    [InlineData("{\"domain_id\": \"x\", \"type\": 1, \"name\": \"@\", \"value\": \"192.0.2.1\"}", "wrong type")]
    [InlineData("", "required")]
    public async Task A_body_that_cannot_be_read_is_400_in_the_partner_shape(string body, string fragment)
    {
        var partner = await Host.NewPartnerAsync();
        var errors = (await partner.Api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/dns_records", body)).ExpectErrors(400);
        Assert.Contains(fragment, errors[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_oversized_body_is_413_in_the_partner_shape()
    {
        var partner = await Host.NewPartnerAsync();
        string huge = "{\"user_identifier\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await partner.Api.SendAsync(HttpMethod.Post, "/api/v1/users", new StringContent(huge, Encoding.UTF8, "application/json"));
        response.ExpectErrors(413);
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_the_partner_shape()
    {
        var partner = await Host.NewPartnerAsync();
        (await partner.Api.GetAsync("/api/v1/nothing-here")).ExpectErrors(404);
        (await partner.Api.SendAsync(HttpMethod.Put, "/api/v1/users")).ExpectErrors(405);
        (await partner.Api.GetAsync("/api/v1/domains/x/dns_records?per_page=500")).ExpectErrors(422);
    }

    [Fact]
    public async Task A_domain_hosted_by_another_account_is_409_on_every_surface()
    {
        var partner = await Host.NewPartnerAsync();
        var client = await Host.NewClientAsync();
        string name = TestNames.Domain("taken");
        await client.Api.CreateDomainAsync(name);
        await PartnerAccount.CreateUserAsync(partner.Api, "u1");
        var errors = (await partner.Api.PostJsonAsync("/api/v1/users/u1/domains", new JsonObject { ["name"] = name })).ExpectErrors(409);
        Assert.Contains("another account", errors[0], StringComparison.Ordinal);
        var (_, _, partnerDomain) = await PartnerAccount.UserWithDomainAsync(partner.Api);
        (await client.Api.PostJsonAsync("/api/client/domains", new JsonObject { ["name"] = partnerDomain })).ExpectError(409, "another account");
    }
}
