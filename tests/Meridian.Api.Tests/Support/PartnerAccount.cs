using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meridian.Api.Tests.Support;

/// <summary>A partner account in a test: its production key and client, and its sandbox key and a client that
/// talks to the sandbox host.</summary>
public sealed record PartnerAccount(Guid AccountId, string LiveToken, string TestToken, ApiClient Api, ApiClient Sandbox)
{
    public const string SandboxHost = "sandbox.localhost";

    /// <summary>POST /api/v1/users that must succeed.</summary>
    public static async Task<JsonElement> CreateUserAsync(ApiClient api, string userIdentifier, string? email = null)
    {
        var body = new JsonObject { ["user_identifier"] = userIdentifier };
        if (email is not null) body["email"] = email;
        return (await api.PostJsonAsync("/api/v1/users", body)).Expect(201);
    }

    /// <summary>A new user with a new domain; the domain's id and name ("x.com").</summary>
    public static async Task<(string User, string DomainId, string Domain)> UserWithDomainAsync(ApiClient api, string word = "p")
    {
        string user = "user-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(api, user);
        var domain = (await api.PostJsonAsync($"/api/v1/users/{user}/domains", new JsonObject { ["name"] = TestNames.Domain(word) })).Expect(201);
        return (user, domain.GetProperty("id").GetString()!, domain.GetProperty("name").GetString()!);
    }

    public static async Task<JsonElement> CreateRecordAsync(ApiClient api, string domainId, string name, string type, string value, JsonObject? more = null)
    {
        var body = new JsonObject { ["domain_id"] = domainId, ["type"] = type, ["name"] = name, ["value"] = value };
        foreach (var (key, node) in more ?? []) body[key] = node?.DeepClone();
        return (await api.PostJsonAsync("/api/v1/dns_records", body)).Expect(201);
    }
}
