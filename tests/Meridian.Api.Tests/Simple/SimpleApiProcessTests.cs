using System.Net;
using System.Text.Json;
using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Simple;

/// <summary>The real `meridian` executable: the spec's curl commands at the root of <c>SimpleApi:Listen</c> and under
/// <c>/simple</c> on both backends (the dnsimple one against the loopback stand-in DNSimple), a script of the original's style piped through jq, <c>meridian token create</c> against tokens
/// computed independently, tokens across data directories and secrets, and a start refused in one line.</summary>
public sealed class SimpleApiProcessTests
{
    private const string Secret = "process tests' Simple API secret, 32+ bytes";

    [Theory]
    [InlineData("meridian")]
    [InlineData("dnsimple")]
    public async Task Spec_examples_run_with_curl_on_both_mounts_and_a_jq_script_works_unchanged(string backend)
    {
        int port = LoopbackPorts.Tcp();
        await using var dnsimple = new DnsimpleStandIn();
        string[] settings = [.. Settings(Secret), $"SimpleApi:Listen=127.0.0.1:{port}"];
        Dictionary<string, string> environment = [];
        if (backend == "dnsimple")
        {
            // The drop-in: the original's own environment variables, read with LegacyEnvironment; DNSimple is the stand-in.
            await dnsimple.StartAsync();
            dnsimple.AddZone("example.com");
            settings = ["SimpleApi:LegacyEnvironment=true", "SimpleApi:Backend=dnsimple", $"SimpleApi:Listen=127.0.0.1:{port}",
                $"Providers:DNSimple:BaseUrl={dnsimple.BaseUrl}"];
            environment = new Dictionary<string, string>
            {
                ["SECRET_KEY"] = Secret, ["VALID_USERS"] = "alice", ["DNSIMPLE_DOMAINS"] = "example.com", ["BLACKLISTED_SUBDOMAINS"] = "www",
                ["DNSIMPLE_ACCOUNT_ID"] = DnsimpleStandIn.Account.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["DNSIMPLE_ACCOUNT_TOKEN"] = DnsimpleStandIn.Token, ["DNSIMPLE_DOMAIN_TTL"] = "60",
            };
        }
        await using var meridian = await MeridianProcess.StartAsync(settings: settings, environment: environment);
        // What the backend serves at a name: DNS answers (meridian), or what DNSimple holds (dnsimple).
        Func<string, Task<IReadOnlyList<string>>> held = backend == "dnsimple"
            ? name => Task.FromResult<IReadOnlyList<string>>([.. dnsimple.RecordsOf("example.com").Where(r => r.Name == name).Select(r => $"{r.Type} {r.Content}")])
            : name => SimpleSpecExamples.DnsAnswersAsync(meridian.DnsEndpoint, name);
        if (backend == "meridian") await CreateZoneAsync(meridian, "example.com");
        string token = await TokenCreateAsync(Secret, "alice");
        Assert.Equal(SimpleTokensTests.OriginalToken(System.Text.Encoding.UTF8.GetBytes(Secret), "alice", "HS512"), token);
        string auth = "Authorization: Bearer " + token;

        foreach (string baseUrl in new[] { $"http://127.0.0.1:{port}", new Uri(meridian.BaseAddress, "/simple").ToString() })
        {
            Assert.Equal("healthcheck", (await CurlAsync("-X", "GET", baseUrl + "/")).GetProperty("data").GetProperty("type").GetString());
            Assert.Equal("alice", (await CurlAsync("-X", "POST", "-H", auth, baseUrl + "/whoami")).GetProperty("data").GetProperty("id").GetString());
            Assert.Equal("alice", (await CurlAsync("-X", "GET", "-H", auth, baseUrl + "/whoami")).GetProperty("data").GetProperty("id").GetString());
            Assert.Equal("example.com", (await CurlAsync("-X", "GET", "-H", auth, baseUrl + "/domains")).GetProperty("data")[0].GetProperty("id").GetString());

            var created = (await CurlAsync("-X", "POST", "-H", auth, "-H", "Content-Type: application/json",
                "-d", """{"domain_type": "cname", "domain": "example.com", "subdomain": "api", "to": "api.example.org"}""", baseUrl + "/records")).GetProperty("data");
            long id = created.GetProperty("id").GetInt64();
            Assert.Equal(["CNAME api.example.org"], await held("api.example.com"));
            Assert.Equal(id, (await CurlAsync("-X", "GET", "-H", auth, $"{baseUrl}/records/{id}")).GetProperty("data").GetProperty("id").GetInt64());
            Assert.Equal("api.example.org", (await CurlAsync("-X", "POST", "-H", auth, "-H", "Content-Type: application/json",
                "-d", """{"to": "api.example.org"}""", $"{baseUrl}/records/{id}")).GetProperty("data").GetProperty("to").GetString());
            await CurlAsync("-X", "DELETE", "-H", auth, $"{baseUrl}/records/{id}");
            Assert.Empty(await held("api.example.com"));

            await CurlAsync("-X", "POST", "-H", auth, baseUrl + "/records/A/example.com/api/192.0.2.10");
            Assert.Equal(["A 192.0.2.10"], await held("api.example.com"));
            await CurlAsync("-X", "DELETE", "-H", auth, baseUrl + "/records/A/example.com/api");
            Assert.Empty(await held("api.example.com"));
        }

        // A deploy script of the original's style, unchanged but for the host.
        const string script = """
            set -euo pipefail
            id=$(curl -s -X POST -H "Authorization: Bearer $JWT_TOKEN" "$DNS_API/records/A/example.com/deploy/192.0.2.77" | jq .data.id)
            curl -s -X POST -H "Authorization: Bearer $JWT_TOKEN" -d '{"to": "192.0.2.78"}' "$DNS_API/records/$id" | jq -r .data.to
            curl -s -H "Authorization: Bearer $JWT_TOKEN" "$DNS_API/records/$id" | jq -r '.data.domain_key'
            """;
        var (exit, output) = await ExternalTool.RunAsync("bash", ["-c", script],
            new Dictionary<string, string> { ["JWT_TOKEN"] = token, ["DNS_API"] = $"http://localhost:{port}" });
        Assert.True(exit == 0, output);
        Assert.Equal(["192.0.2.78", "A::example.com::deploy"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["A 192.0.2.78"], await held("deploy.example.com"));
        if (backend == "dnsimple")
        {
            // At the end DNSimple holds the script's record alone, with the original's TTL, beside its own SOA and NS.
            Assert.Equal(["deploy.example.com 60 A 192.0.2.78"],
                dnsimple.RecordsOf("example.com").Where(r => r.Type is not ("SOA" or "NS")).Select(r => r.ToString()));
        }

        // Only the Simple API answers on its port.
        var (_, other) = await ExternalTool.RunAsync("curl", ["-s", $"http://127.0.0.1:{port}/api/client/domains"]);
        Assert.Equal("Route not found", JsonDocument.Parse(other).RootElement.GetProperty("errors")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Token_create_prints_the_original_token_and_refuses_unknown_users()
    {
        byte[] secret = System.Text.Encoding.UTF8.GetBytes(Secret);
        Assert.Equal(SimpleTokensTests.OriginalToken(secret, "alice", "HS512"), await TokenCreateAsync(Secret, "alice"));
        Assert.Equal(SimpleTokensTests.OriginalToken(secret, "alice", "HS256"), await TokenCreateAsync(Secret, "alice", "--algorithm", "HS256"));

        var (exit, output) = await RunCliAsync(Secret, ["token", "create", "--user", "mallory"]);
        Assert.Equal(1, exit);
        Assert.Contains("no Simple API user 'mallory'", output, StringComparison.Ordinal);
        (exit, output) = await RunCliAsync("short", ["token", "create", "--user", "alice"]);
        Assert.Equal(1, exit);
        Assert.Contains("at least 32 are required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_equal_across_data_directories_and_all_refused_after_the_secret_changes()
    {
        string first = await TokenCreateAsync(Secret, "alice", "--data", Path.Combine(Path.GetTempPath(), "meridian-simple-a-" + Guid.NewGuid().ToString("N")[..8]));
        string second = await TokenCreateAsync(Secret, "alice", "--data", Path.Combine(Path.GetTempPath(), "meridian-simple-b-" + Guid.NewGuid().ToString("N")[..8]));
        Assert.Equal(first, second);

        await using (var a = await MeridianProcess.StartAsync(settings: Settings(Secret)))
        await using (var b = await MeridianProcess.StartAsync(settings: Settings(Secret)))
        {
            Assert.NotEqual(a.DataDirectory, b.DataDirectory);
            Assert.Equal(200, await WhoAmIStatusAsync(a, first));
            Assert.Equal(200, await WhoAmIStatusAsync(b, second));
        }

        const string changed = "a new secret for the Simple API, 32+ bytes";
        await using var rotated = await MeridianProcess.StartAsync(settings: Settings(changed));
        Assert.Equal(401, await WhoAmIStatusAsync(rotated, first));
        string fresh = await TokenCreateAsync(changed, "alice");
        Assert.NotEqual(first, fresh);
        Assert.Equal(200, await WhoAmIStatusAsync(rotated, fresh));
    }

    [Fact]
    public async Task Serve_with_an_incomplete_dnsimple_backend_stops_at_start_with_one_clear_line()
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-simple-dnsimple-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var (exit, output) = await ExternalTool.RunAsync("dotnet",
                [Executable, "serve", "--data", directory, "--http", $"127.0.0.1:{LoopbackPorts.Tcp()}", "--dns", "127.0.0.1:0",
                    .. Settings(Secret).Select(s => "--" + s), "--SimpleApi:Backend=dnsimple", "--SimpleApi:DNSimple:Account=acme"],
                new Dictionary<string, string> { ["MERIDIAN__Dns__SandboxListen__0"] = "127.0.0.1:0", ["Logging__LogLevel__Default"] = "Warning" },
                TimeSpan.FromSeconds(120));

            Assert.Equal(2, exit);
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.StartsWith("meridian serve:", StringComparison.Ordinal)).ToList();
            string line = Assert.Single(lines);
            Assert.Contains("SimpleApi:DNSimple:Token is required for the dnsimple backend", line, StringComparison.Ordinal);
            Assert.Contains("SimpleApi:DNSimple:Account 'acme' is not a DNSimple account id", line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Settings(string secret) =>
        [$"SimpleApi:SecretKey={secret}", "SimpleApi:Account=child-client", "SimpleApi:Users:0:Name=alice", "SimpleApi:Users:0:Domains:0=example.com",
            "SimpleApi:Blacklist:0=www"];

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "meridian.dll");

    private static async Task<(int Exit, string Output)> RunCliAsync(string secret, IEnumerable<string> args) =>
        await ExternalTool.RunAsync("dotnet", [Executable, .. args], new Dictionary<string, string>
        {
            ["MERIDIAN__SimpleApi__SecretKey"] = secret,
            ["MERIDIAN__SimpleApi__Users__0__Name"] = "alice",
            ["MERIDIAN__SimpleApi__Users__0__Domains__0"] = "example.com",
        });

    /// <summary>`meridian token create --user USER …`: the token, alone on the last line.</summary>
    private static async Task<string> TokenCreateAsync(string secret, string user, params string[] more)
    {
        var (exit, output) = await RunCliAsync(secret, ["token", "create", "--user", user, .. more]);
        Assert.True(exit == 0, output);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    private static async Task<int> WhoAmIStatusAsync(MeridianProcess meridian, string token)
    {
        using var http = new HttpClient { BaseAddress = meridian.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return (int)(await http.GetAsync("/simple/whoami")).StatusCode;
    }

    private static async Task CreateZoneAsync(MeridianProcess meridian, string name)
    {
        using var http = new HttpClient { BaseAddress = meridian.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", meridian.ClientToken);
        using var created = await http.PostAsync("/api/client/domains", ApiClient.Json($$"""{"name":"{{name}}"}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>Runs curl as the spec's examples do (plus -s) and returns the 200 envelope it printed.</summary>
    private static async Task<JsonElement> CurlAsync(params string[] args)
    {
        var (exit, output) = await ExternalTool.RunAsync("curl", ["-s", "-w", "\n%{http_code}", .. args]);
        Assert.True(exit == 0, $"curl {string.Join(' ', args)}: {output}");
        string[] parts = output.TrimEnd().Split('\n');
        Assert.True(parts[^1] == "200", $"curl {string.Join(' ', args)}: {output}");
        var json = JsonDocument.Parse(string.Join('\n', parts[..^1])).RootElement.Clone();
        Assert.Equal(200, json.GetProperty("meta").GetProperty("status").GetInt32());
        return json;
    }
}
