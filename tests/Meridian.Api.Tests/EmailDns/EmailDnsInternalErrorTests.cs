using System.Text.Json.Nodes;
using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Api.Tests.EmailDns;

/// <summary>Code 10, the spec's "anything else went wrong": reached for real by taking away a table the command needs
/// (its own host, so no other test sees the damage). The answer is 500 with code 10 and our message, never the
/// exception's text; nothing is written at the provider; the command works again once the table is back.</summary>
public sealed class EmailDnsInternalErrorTests(EmailDnsHost host) : IClassFixture<EmailDnsHost>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Authorize_answers_code_10_when_the_credentials_cannot_be_kept_and_keeps_nothing(bool legacy)
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("code10a");
        host.Cloudflare.AddZone(domain);
        (string, string)[] parameters = [("Domain", domain), ("Provider", "cloudflare"), ("ApiKey", CloudflareStandIn.Token)];

        await using (await TableTakenAwayAsync("provider_connections"))
        {
            var failed = await SendAsync(caller, legacy, "dns.authorize", parameters);
            AssertCode10(failed, "An error occurred during authorization");
        }
        var authorized = await SendAsync(caller, legacy, "dns.authorize", parameters);
        Assert.Equal(200, authorized.Status);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Set_answers_code_10_when_the_dkim_key_cannot_be_read_and_writes_nothing_at_the_provider(bool legacy)
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("code10s");
        host.Cloudflare.AddZone(domain);
        (string, string)[] parameters = [("Domain", domain), ("Provider", "cloudflare"), ("ApiKey", CloudflareStandIn.Token), ("RecordType", "campaign")];

        await using (await TableTakenAwayAsync("dkim_keys"))
        {
            var failed = await SendAsync(caller, legacy, "dns.set", parameters);
            AssertCode10(failed, "An error occurred while setting DNS records");
            Assert.Empty(host.Cloudflare.RecordsOf(domain));
        }
        Assert.Equal(200, (await SendAsync(caller, legacy, "dns.set", parameters)).Status);
        Assert.Contains(host.Cloudflare.RecordsOf(domain), r => r.Type == "TXT" && r.Content.StartsWith("v=spf1", StringComparison.Ordinal));
    }

    private static void AssertCode10(ApiResponse response, string message)
    {
        Assert.True(response.Status == 500, $"expected 500, got {response.Status} {response.Body}");
        var error = Assert.Single(response.Json.GetProperty("Errors").EnumerateArray());
        Assert.Equal(10, error.GetProperty("Code").GetInt32());
        Assert.Equal(message, error.GetProperty("Message").GetString());
        // The exception stays in the log: no type, table or SQL reaches the caller.
        Assert.DoesNotContain("Sqlite", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("table", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at ", response.Body, StringComparison.Ordinal);
    }

    /// <summary>Renames the table away until the returned handle is disposed, which renames it back.</summary>
    private async Task<IAsyncDisposable> TableTakenAwayAsync(string table)
    {
        await ExecuteAsync($"ALTER TABLE {table} RENAME TO {table}_away");
        return new Restore(() => ExecuteAsync($"ALTER TABLE {table}_away RENAME TO {table}"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = host.Service<PlatformDatabase>().CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static Task<ApiResponse> SendAsync(EmailDnsCaller caller, bool legacy, string command, (string Name, string Value)[] parameters)
    {
        if (legacy)
        {
            var form = parameters.ToDictionary(p => p.Name, p => p.Value);
            form["Command"] = command;
            return caller.Api.SendAsync(HttpMethod.Post, "/api.php", new FormUrlEncodedContent(form));
        }
        var body = new JsonObject();
        foreach (var (name, value) in parameters) body[name] = value;
        return caller.Api.SendAsync(HttpMethod.Post, "/api/v1/" + command, ApiClient.Json(body.ToJsonString()));
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }
}
