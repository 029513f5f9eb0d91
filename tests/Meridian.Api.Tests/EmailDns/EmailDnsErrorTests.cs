using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Auth;
using Meridian.Platform.Services;

namespace Meridian.Api.Tests.EmailDns;

/// <summary>Every error code of the spec, per command, through <c>/api/v1/…</c> (JSON body) and <c>/api.php</c> (form
/// body, Command parameter), with its HTTP status and exact body; parameter spellings; the two keys told apart by case;
/// authentication, scope, sessions and the rate limit.</summary>
public sealed class EmailDnsErrorTests(EmailDnsHost host) : IClassFixture<EmailDnsHost>
{
    public static TheoryData<bool> Endpoints => new() { false, true };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_spec_error_code_answers_with_its_code_message_and_status(bool legacy)
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("codes");
        host.Cloudflare.AddZone(domain);

        await Expect(caller, legacy, "dns.provider", [], 400, 1, "Missing domain parameter");
        await Expect(caller, legacy, "dns.provider", [("Domain", "com")], 400, 1, "Invalid domain parameter");
        await Expect(caller, legacy, "dns.provider", [("Domain", "nowhere-" + domain)], 404, 2, "Unable to determine DNS provider for this domain");

        foreach (string command in new[] { "dns.authorize", "dns.set" })
        {
            (string, string)[] typed = command == "dns.set" ? [("RecordType", "campaign")] : [];
            await Expect(caller, legacy, command, [("Provider", "cloudflare"), ("ApiKey", "k")], 400, 1, "Missing domain parameter");
            if (command == "dns.authorize") await Expect(caller, legacy, command, [("Domain", domain), ("Provider", "cloudflare")], 400, 2, "Missing API key parameter");
            await Expect(caller, legacy, command, [("Domain", domain), ("ApiKey", "k"), .. typed], 400, 3, "Missing provider parameter");
            await Expect(caller, legacy, command, [("Domain", domain), ("Provider", "route53"), ("ApiKey", "k"), .. typed], 422, 8, "Unsupported provider");
            await Expect(caller, legacy, command, [("Domain", domain), ("Provider", "godaddy"), ("ApiKey", "k"), .. typed], 400, 5, "Missing API secret parameter");
            await Expect(caller, legacy, command, [("Domain", domain), ("Provider", "namecheap"), ("ApiKey", "k"), ("Username", "u"), .. typed], 400, 6,
                "Missing API user parameter");
            await Expect(caller, legacy, command, [("Domain", domain), ("Provider", "namecheap"), ("ApiKey", "k"), ("ApiUser", "u"), .. typed], 400, 7,
                "Missing username parameter");
        }
        // dns.set without a key and with nothing kept by dns.authorize for that domain and provider.
        await Expect(caller, legacy, "dns.set", [("Domain", domain), ("Provider", "cloudflare"), ("RecordType", "campaign")], 400, 2, "Missing API key parameter");
        await Expect(caller, legacy, "dns.set", [("Domain", domain), ("Provider", "cloudflare"), ("ApiKey", "k")], 400, 4, "Missing record type parameter");
        await Expect(caller, legacy, "dns.set", [("Domain", domain), ("Provider", "cloudflare"), ("ApiKey", "k"), ("RecordType", "newsletter")], 400, 4,
            "Invalid record type parameter");

        var refused = await Expect(caller, legacy, "dns.authorize", [("Domain", domain), ("Provider", "cloudflare"), ("ApiKey", "wrong-token")], 502, 9,
            "Authorization failed for this DNS provider", detail: true);
        Assert.Equal("code 1000: Invalid API Token", refused.GetProperty("Errors")[0].GetProperty("Detail").GetString());
        var failed = await Expect(caller, legacy, "dns.set", [("Domain", domain), ("Provider", "godaddy"), ("ApiKey", "nope"), ("ApiSecret", "nope"), ("RecordType", "campaign")],
            502, 9, "Failed to set DNS records", detail: true);
        Assert.Equal("UNABLE_TO_AUTHENTICATE: Unauthorized : Could not authenticate API key/secret", failed.GetProperty("Errors")[0].GetProperty("Detail").GetString());
        // The provider's reason never carries the credentials that were sent.
        Assert.DoesNotContain("nope", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_does_not_match_the_path_or_an_unknown_one_is_code_0()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        var mismatch = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.set", ApiClient.Json("""{"Command":"dns.authorize","Domain":"example.com"}"""));
        Assert.Equal(400, mismatch.Status);
        Assert.Equal("""{"Errors":[{"Code":0,"Message":"Command does not match the endpoint"}]}""", mismatch.Body);
        // The same command in another case is the same command.
        var sameCommand = await caller.Api.GetAsync("/api/v1/dns.provider?command=DNS.PROVIDER");
        Assert.Equal("""{"Errors":[{"Code":1,"Message":"Missing domain parameter"}]}""", sameCommand.Body);
        foreach (string query in new[] { "", "?Command=dns.delete", "?Command=" })
        {
            var unknown = await caller.Api.GetAsync("/api.php" + query);
            Assert.Equal(400, unknown.Status);
            Assert.Equal("""{"Errors":[{"Code":0,"Message":"Unknown command"}]}""", unknown.Body);
        }
    }

    [Fact]
    public async Task Parameter_names_match_in_any_case_except_the_two_keys_which_the_same_request_tells_apart()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("keys");
        host.Cloudflare.AddZone(domain);
        // No Authorization header: APIKey is the caller's Meridian key, ApiKey the provider's; every other name in odd case.
        var both = await caller.Anonymous.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", ApiClient.Json(new JsonObject
        {
            ["COMMAND"] = "dns.authorize", ["domain"] = domain, ["PROVIDER"] = "cloudflare",
            ["APIKey"] = caller.Token, ["ApiKey"] = CloudflareStandIn.Token,
        }.ToJsonString()));
        Assert.Equal("""{"success":true}""", both.Body);
        // The same through /api.php as a form and as a query string.
        var form = await caller.Anonymous.SendAsync(HttpMethod.Post, "/api.php", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["command"] = "dns.authorize", ["DOMAIN"] = domain, ["provider"] = "cloudflare", ["APIKey"] = caller.Token, ["ApiKey"] = CloudflareStandIn.Token,
        }));
        Assert.Equal("""{"success":true}""", form.Body);
        var query = await caller.Anonymous.GetAsync(
            $"/api.php?Command=dns.authorize&Domain={domain}&Provider=cloudflare&APIKey={Uri.EscapeDataString(caller.Token)}&ApiKey={CloudflareStandIn.Token}");
        Assert.Equal("""{"success":true}""", query.Body);
        // Swapped, each key is the wrong one for its place.
        var swapped = await caller.Anonymous.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", ApiClient.Json(new JsonObject
        {
            ["Domain"] = domain, ["Provider"] = "cloudflare", ["APIKey"] = CloudflareStandIn.Token, ["ApiKey"] = caller.Token,
        }.ToJsonString()));
        Assert.Equal(401, swapped.Status);
        // Neither spelling: "apikey" is not the caller's key.
        var lower = await caller.Anonymous.GetAsync($"/api/v1/dns.provider?Domain={domain}&apikey={Uri.EscapeDataString(caller.Token)}");
        Assert.Equal(401, lower.Status);
        Assert.Equal(0, lower.Json.GetProperty("Errors")[0].GetProperty("Code").GetInt32());
        // With only the caller's key sent as ApiKey, there is no provider key: code 2.
        var providerKeyMissing = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", ApiClient.Json(new JsonObject
        {
            ["Domain"] = domain, ["Provider"] = "cloudflare", ["APIKey"] = CloudflareStandIn.Token,
        }.ToJsonString()));
        Assert.Equal("""{"Errors":[{"Code":2,"Message":"Missing API key parameter"}]}""", providerKeyMissing.Body);
    }

    [Fact]
    public async Task Without_a_key_with_a_bad_key_or_without_the_scope_the_caller_is_refused_in_the_surface_shape()
    {
        await host.StartAsync();
        var reader = await host.NewCallerAsync(Scopes.DnsRead);
        foreach (string path in new[] { "/api/v1/dns.provider?Domain=example.com", "/api.php?Command=dns.provider&Domain=example.com" })
        {
            var anonymous = await host.Anonymous().GetAsync(path);
            Assert.Equal(401, anonymous.Status);
            Assert.Equal(0, anonymous.Json.GetProperty("Errors")[0].GetProperty("Code").GetInt32());
            var bad = await host.Anonymous("Bearer mk_live_nope").GetAsync(path);
            Assert.Equal(401, bad.Status);
            Assert.Equal("""{"Errors":[{"Code":0,"Message":"Invalid API key or session"}]}""", bad.Body);
            var unscoped = await reader.Api.GetAsync(path);
            Assert.Equal(403, unscoped.Status);
            Assert.Equal("""{"Errors":[{"Code":0,"Message":"Insufficient permissions: the key needs the User.Update scope"}]}""", unscoped.Body);
        }
    }

    [Fact]
    public async Task A_session_from_user_login_authenticates_as_SessionID_and_a_wrong_password_does_not()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        var account = await host.Service<AccountService>().GetAsync(caller.AccountId);
        Assert.True((await host.Service<AccountPasswordService>().SetAsync(caller.AccountId, "correct horse battery")).Succeeded);
        string email = account.Value!.Email!;

        var wrong = await host.Anonymous().SendAsync(HttpMethod.Post, "/api/v1/user.login", ApiClient.Json(new JsonObject { ["Email"] = email, ["Password"] = "wrong password!" }.ToJsonString()));
        Assert.Equal(401, wrong.Status);
        Assert.Equal(0, wrong.Json.GetProperty("Errors")[0].GetProperty("Code").GetInt32());
        var login = await host.Anonymous().SendAsync(HttpMethod.Post, "/api/v1/user.login", ApiClient.Json(new JsonObject { ["email"] = email, ["password"] = "correct horse battery" }.ToJsonString()));
        string session = login.Expect(200).GetProperty("SessionID").GetString()!;
        Assert.True(login.Json.GetProperty("expires_at").GetDateTime() > DateTime.UtcNow.AddHours(23));

        var viaSession = await host.Anonymous().GetAsync($"/api/v1/dns.provider?SessionID={session}");
        Assert.Equal("""{"Errors":[{"Code":1,"Message":"Missing domain parameter"}]}""", viaSession.Body);
        var legacy = await host.Anonymous().SendAsync(HttpMethod.Post, "/api.php", new FormUrlEncodedContent(new Dictionary<string, string> { ["Command"] = "dns.provider", ["sessionid"] = session }));
        Assert.Equal("""{"Errors":[{"Code":1,"Message":"Missing domain parameter"}]}""", legacy.Body);
        var forged = await host.Anonymous().GetAsync("/api/v1/dns.provider?SessionID=" + new string('a', 43));
        Assert.Equal(401, forged.Status);
    }

    [Fact]
    public async Task The_101st_request_in_60_seconds_is_refused_with_the_partner_api_headers()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        ApiResponse last = null!;
        for (int i = 1; i <= 100; i++)
        {
            last = await caller.Api.GetAsync(i % 2 == 0 ? "/api/v1/dns.history?Domain=example.com" : "/api.php?Command=dns.provider");
            Assert.NotEqual(429, last.Status);
        }
        Assert.Equal("100", last.Header("X-RateLimit-Limit"));
        Assert.Equal("0", last.Header("X-RateLimit-Remaining"));
        Assert.Equal("\"minute\";q=100;w=60", last.Header("RateLimit-Policy"));
        var refused = await caller.Api.GetAsync("/api/v1/dns.history?Domain=example.com");
        Assert.Equal(429, refused.Status);
        Assert.NotNull(refused.Header("Retry-After"));
        Assert.NotNull(refused.Header("X-RateLimit-Reset"));
        Assert.Equal(0, refused.Json.GetProperty("Errors")[0].GetProperty("Code").GetInt32());
        // Another key has its own budget.
        var other = await host.NewCallerAsync();
        Assert.Equal(200, (await other.Api.GetAsync("/api/v1/dns.history?Domain=example.com")).Status);
    }

    /// <summary>Sends one command (GET with a query for dns.provider, else a JSON body on /api/v1 and a form on /api.php)
    /// and checks the whole error body.</summary>
    private static async Task<JsonElement> Expect(EmailDnsCaller caller, bool legacy, string command, (string Name, string Value)[] parameters, int status,
        int code, string message, bool detail = false)
    {
        ApiResponse response;
        if (command == "dns.provider")
        {
            string query = string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
            response = await caller.Api.GetAsync(legacy ? $"/api.php?Command=dns.provider&{query}" : $"/api/v1/dns.provider?{query}");
        }
        else if (legacy)
        {
            var form = parameters.ToDictionary(p => p.Name, p => p.Value);
            form["Command"] = command;
            response = await caller.Api.SendAsync(HttpMethod.Post, "/api.php", new FormUrlEncodedContent(form));
        }
        else
        {
            var body = new JsonObject();
            foreach (var (name, value) in parameters) body[name] = value;
            response = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/" + command, ApiClient.Json(body.ToJsonString()));
        }
        Assert.True(response.Status == status, $"{command} {string.Join(',', parameters.Select(p => p.Name))}: expected {status}, got {response.Status} {response.Body}");
        var error = response.Json.GetProperty("Errors")[0];
        Assert.Equal(code, error.GetProperty("Code").GetInt32());
        Assert.Equal(message, error.GetProperty("Message").GetString());
        Assert.Equal(detail, error.TryGetProperty("Detail", out _));
        Assert.Equal(response.ContentType?.MediaType, new MediaTypeHeaderValue("application/json").MediaType);
        return response.Json;
    }
}
