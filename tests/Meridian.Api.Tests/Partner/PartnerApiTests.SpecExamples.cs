using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Partner;

/// <summary>Each curl example of partner-api.txt and partner-auth.txt, run as written with the host replaced.</summary>
public abstract partial class PartnerApiTests
{
    [Fact]
    public async Task Spec_create_user_session_returns_201_with_user_identifier_and_a_login_url_valid_24_hours()
    {
        var partner = await Host.NewPartnerAsync();
        // curl -X POST …/api/v1/users -H "Authorization: Bearer YOUR_API_KEY" -H "Content-Type: application/json" -d '{…}'
        var response = await partner.Api.SendRawJsonAsync(HttpMethod.Post, "/api/v1/users", """
            {
                "user_identifier": "user-123",
                "email": "user@example.com"
              }
            """);
        var body = response.Expect(201);
        Assert.Equal(["user_identifier", "login_url", "expires_at"], Names(body));
        Assert.Equal("user-123", Text(body, "user_identifier"));
        Assert.StartsWith("http://", Text(body, "login_url"), StringComparison.Ordinal);
        Assert.Contains("/ui/login/", Text(body, "login_url"), StringComparison.Ordinal);
        var expires = body.GetProperty("expires_at").GetDateTime();
        Assert.InRange(expires - DateTime.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));

        // Find or create: the same identifier again is the same user with a new link.
        var again = (await partner.Api.PostJsonAsync("/api/v1/users", new JsonObject { ["user_identifier"] = "user-123" })).Expect(201);
        Assert.NotEqual(Text(body, "login_url"), Text(again, "login_url"));
    }

    [Fact]
    public async Task Spec_get_user_domains_returns_every_domain_of_the_user()
    {
        var partner = await Host.NewPartnerAsync();
        await PartnerAccount.CreateUserAsync(partner.Api, "user-123");
        var names = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string name = TestNames.Domain("ud");
            (await partner.Api.PostJsonAsync("/api/v1/users/user-123/domains", new JsonObject { ["name"] = name })).Expect(201);
            names.Add(name);
        }
        // curl -X GET …/api/v1/users/user-123/domains -H "Authorization: Bearer YOUR_API_KEY"
        var body = (await partner.Api.GetAsync("/api/v1/users/user-123/domains")).Expect(200);
        var domains = body.GetProperty("domains").EnumerateArray().ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), domains.Select(d => Text(d, "name")).Order(StringComparer.Ordinal));
        Assert.All(domains, d => Assert.Equal(["id", "name"], Names(d)));

        var paged = (await partner.Api.GetAsync("/api/v1/users/user-123/domains?page=2&per_page=2")).Expect(200);
        Assert.Single(paged.GetProperty("domains").EnumerateArray());
        Assert.Equal(3, paged.GetProperty("pagination").GetProperty("total").GetInt32());
        (await partner.Api.GetAsync("/api/v1/users/nobody/domains")).ExpectErrors(404);
    }

    [Fact]
    public async Task Spec_get_domain_details_returns_id_and_name()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api);
        // curl -X GET …/api/v1/domains/domain-uuid -H "Authorization: Bearer YOUR_API_KEY"
        var body = (await partner.Api.GetAsync($"/api/v1/domains/{domainId}")).Expect(200);
        Assert.Equal(["id", "name"], Names(body));
        Assert.Equal(domainId, Text(body, "id"));
        Assert.Equal(domain, Text(body, "name"));
        Assert.Equal("Domain not found", (await partner.Api.GetAsync("/api/v1/domains/domain-uuid")).ExpectErrors(404).Single());
    }

    [Fact]
    public async Task Spec_record_create_get_update_delete_have_the_documented_statuses_and_fields()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, _) = await PartnerAccount.UserWithDomainAsync(partner.Api);
        var created = (await partner.Api.PostJsonAsync("/api/v1/dns_records",
            new JsonObject { ["domain_id"] = domainId, ["type"] = "A", ["name"] = "@", ["value"] = "192.168.1.1" })).Expect(201);
        Assert.Equal(["id", "type", "name", "value", "ttl"], Names(created));
        Assert.Equal(("A", "@", "192.168.1.1", 3600), (Text(created, "type"), Text(created, "name"), Text(created, "value"), created.GetProperty("ttl").GetInt32()));
        string id = Text(created, "id");

        var fetched = (await partner.Api.GetAsync($"/api/v1/dns_records/{id}")).Expect(200);
        Assert.Equal(created.ToString(), fetched.ToString());

        var updated = (await partner.Api.PatchJsonAsync($"/api/v1/dns_records/{id}", new JsonObject { ["value"] = "192.168.1.2", ["ttl"] = 600 })).Expect(200);
        Assert.Equal(("192.168.1.2", 600), (Text(updated, "value"), updated.GetProperty("ttl").GetInt32()));

        var deleted = await partner.Api.DeleteAsync($"/api/v1/dns_records/{id}");
        Assert.Equal(204, deleted.Status);
        Assert.Equal("", deleted.Body);
        (await partner.Api.GetAsync($"/api/v1/dns_records/{id}")).ExpectErrors(404);
    }

    [Fact]
    public async Task Spec_auth_errors_carry_error_and_errors()
    {
        var anonymous = Host.Anonymous("Bearer YOUR_API_KEY");
        var invalid = await anonymous.GetAsync("/api/v1/users/user-123/domains");
        Assert.Equal(["Invalid API key"], invalid.ExpectErrors(401));
        Assert.Equal("Invalid API key", Text(invalid.Json, "error"));

        var missing = await Host.Anonymous().GetAsync("/api/v1/users/user-123/domains");
        missing.ExpectErrors(401);
        Assert.Contains("Bearer", missing.Header("WWW-Authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MX_and_SRV_records_use_priority_weight_port_and_target()
    {
        var partner = await Host.NewPartnerAsync();
        var (_, domainId, domain) = await PartnerAccount.UserWithDomainAsync(partner.Api);
        var mx = await PartnerAccount.CreateRecordAsync(partner.Api, domainId, "@", "MX", "mail." + domain, new JsonObject { ["priority"] = 10 });
        Assert.Equal(("mail." + domain + ".", 10), (Text(mx, "value"), mx.GetProperty("priority").GetInt32()));

        var srv = (await partner.Api.PostJsonAsync("/api/v1/dns_records", new JsonObject
        {
            ["domain_id"] = domainId, ["type"] = "SRV", ["name"] = "_sip._tcp", ["priority"] = 10, ["weight"] = 5, ["port"] = 5060, ["target"] = "sip." + domain,
        })).Expect(201);
        Assert.Equal((10, 5, 5060, "sip." + domain + "."),
            (srv.GetProperty("priority").GetInt32(), srv.GetProperty("weight").GetInt32(), srv.GetProperty("port").GetInt32(), Text(srv, "target")));
        var moved = (await partner.Api.PatchJsonAsync($"/api/v1/dns_records/{Text(srv, "id")}", new JsonObject { ["port"] = 5061 })).Expect(200);
        Assert.Equal((10, 5, 5061), (moved.GetProperty("priority").GetInt32(), moved.GetProperty("weight").GetInt32(), moved.GetProperty("port").GetInt32()));

        var content = await partner.Api.PostJsonAsync("/api/v1/dns_records",
            new JsonObject { ["domain_id"] = domainId, ["type"] = "TXT", ["name"] = "note", ["content"] = "hello world" });
        Assert.Equal("\"hello world\"", Text(content.Expect(201), "value"));
    }
}
