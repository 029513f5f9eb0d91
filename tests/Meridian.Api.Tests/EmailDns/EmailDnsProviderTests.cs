using System.Text.Json.Nodes;
using Meridian.Api.Tests.EmailDns.StandIns;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.EmailDns;

/// <summary><c>dns.set</c> against each stand-in provider: paging, 429 with Retry-After, SPF merged, others' DMARC kept,
/// stored credentials, idempotency, a failure halfway reported and recorded, Namecheap's other hosts untouched.</summary>
public sealed class EmailDnsProviderTests(EmailDnsHost host) : IClassFixture<EmailDnsHost>
{
    [Fact]
    public async Task Cloudflare_set_pages_through_records_waits_out_429_merges_spf_keeps_dmarc_and_is_idempotent()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("cf");
        host.Cloudflare.AddZone(domain);
        for (int i = 1; i <= 5; i++) host.Cloudflare.Add($"host{i}.{domain}", "A", $"192.0.2.{i}", 300);
        host.Cloudflare.Add(domain, "TXT", "v=spf1 include:_spf.google.com ~all", 300);
        host.Cloudflare.Add("_dmarc." + domain, "TXT", "v=DMARC1; p=reject; rua=mailto:reports@" + domain, 300);
        host.Cloudflare.AnswerTooManyRequests(1);
        int before = host.Cloudflare.Requests.Count;

        var set = await SetAsync(caller, domain, "cloudflare", "campaign", [("ApiKey", CloudflareStandIn.Token)]);
        Assert.Equal($$"""{"success":true,"warnings":["An existing DMARC policy at _dmarc.{{domain}} was kept: \"v=DMARC1; p=reject; rua=mailto:reports@{{domain}}\""]}""", set.Body);
        var requests = host.Cloudflare.Requests.Skip(before).ToList();
        // The 429 was retried after its Retry-After; 8 records over pages of 3 took three list requests.
        Assert.Equal(2, requests.Count(r => r.StartsWith("GET /client/v4/zones?name=", StringComparison.Ordinal)));
        Assert.Equal(3, requests.Count(r => r.Contains("/dns_records?page=", StringComparison.Ordinal)));
        Assert.Contains(requests, r => r.Contains("dns_records?page=3", StringComparison.Ordinal));
        var records = host.Cloudflare.RecordsOf(domain);
        Assert.Single(records, r => r.Type == "TXT" && r.Name == domain);
        Assert.Equal($"v=spf1 include:_spf.google.com include:{EmailDnsHost.SpfCampaign} ~all", records.Single(r => r.Type == "TXT" && r.Name == domain).Content);
        Assert.Equal("v=DMARC1; p=reject; rua=mailto:reports@" + domain, records.Single(r => r.Name == "_dmarc." + domain).Content);
        Assert.Equal(5, records.Count(r => r.Type == "A" && r.Ttl == 300));

        int writes = host.Cloudflare.WriteCount;
        var again = await SetAsync(caller, domain, "cloudflare", "campaign", [("ApiKey", CloudflareStandIn.Token)]);
        Assert.Equal(200, again.Status);
        Assert.Equal(writes, host.Cloudflare.WriteCount);
        Assert.Equal(records.Select(r => r.ToString()), host.Cloudflare.RecordsOf(domain).Select(r => r.ToString()));

        var history = (await caller.Api.GetAsync($"/api/v1/dns.history?Domain={domain}")).Expect(200).GetProperty("history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Empty(history[0].GetProperty("records").EnumerateArray());
        Assert.Equal(["updated", "created"], history[1].GetProperty("records").EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal("succeeded", history[1].GetProperty("outcome").GetString());
        Assert.Equal("cloudflare", history[1].GetProperty("provider").GetString());
        Assert.StartsWith("key:", history[1].GetProperty("principal").GetString(), StringComparison.Ordinal);
        // Another account sees none of it.
        var other = await host.NewCallerAsync();
        Assert.Empty((await other.Api.GetAsync($"/api/v1/dns.history?Domain={domain}")).Expect(200).GetProperty("history").EnumerateArray());
        Assert.Equal(404, (await other.Api.GetAsync($"/api/v1/dns.dkim?Domain={domain}")).Status);
    }

    [Fact]
    public async Task Dnsimple_set_uses_the_credentials_dns_authorize_kept_and_writes_each_record_once()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("dnsimple");
        host.Dnsimple.AddZone(domain);
        host.Dnsimple.Add(domain, "www", "CNAME", domain);
        host.Dnsimple.Add(domain, "", "MX", "mx.example.net", 3600, 10);

        var refused = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", Body(domain, "dnsimple", null, [("ApiKey", "not-the-token")]));
        Assert.Equal("""{"Errors":[{"Code":9,"Message":"Authorization failed for this DNS provider","Detail":"Authentication failed"}]}""", refused.Body);
        var authorized = await caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.authorize", Body(domain, "dnsimple", null, [("ApiKey", DnsimpleStandIn.Token)]));
        Assert.Equal("""{"success":true}""", authorized.Body);

        // No ApiKey: the kept (encrypted) credentials are used.
        var set = await SetAsync(caller, domain, "dnsimple", "email-gateway", []);
        Assert.Equal("""{"success":true}""", set.Body);
        string dkim = (await caller.Api.GetAsync($"/api/v1/dns.dkim?Domain={domain}")).Expect(200).GetProperty("keys")[0].GetProperty("dns_value").GetString()!;
        Assert.Equal(
        [
            $"{domain} 3600 SOA ns1.dnsimple.com admin.dnsimple.com 1 86400 7200 604800 300",
            $"{domain} 3600 NS ns1.dnsimple.com",
            $"www.{domain} 3600 CNAME {domain}",
            $"{domain} 3600 MX 10 mx.example.net",
            $"{domain} 3600 TXT v=spf1 include:{EmailDnsHost.SpfGateway} ~all",
            $"gw1._domainkey.{domain} 3600 TXT {dkim}",
            $"_dmarc.{domain} 3600 TXT v=DMARC1; p=quarantine",
            $"bounce.{domain} 3600 CNAME bounces.mailer.example",
        ], host.Dnsimple.RecordsOf(domain).Select(r => r.ToString()));
        int writes = host.Dnsimple.WriteCount;
        Assert.Equal("""{"success":true}""", (await SetAsync(caller, domain, "dnsimple", "email-gateway", [])).Body);
        Assert.Equal(writes, host.Dnsimple.WriteCount);
    }

    [Fact]
    public async Task A_provider_failing_halfway_leaves_a_report_of_what_was_written_and_a_rerun_finishes_the_job()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("halfway");
        host.GoDaddy.Domains.Add(domain);
        host.GoDaddy.FailWritesAfter(1);
        (string, string)[] keys = [("ApiKey", GoDaddyStandIn.Key), ("ApiSecret", GoDaddyStandIn.Secret)];

        var failed = await SetAsync(caller, domain, "godaddy", "campaign", keys);
        Assert.Equal(502, failed.Status);
        Assert.Equal($$"""{"Errors":[{"Code":9,"Message":"Failed to set DNS records","Detail":"INTERNAL_SERVER_ERROR: An internal error occurred (written before the failure: TXT {{domain}})"}]}""", failed.Body);
        Assert.Single(host.GoDaddy.RecordsOf(domain));
        var history = (await caller.Api.GetAsync($"/api/v1/dns.history?Domain={domain}")).Expect(200).GetProperty("history");
        Assert.Equal("failed", history[0].GetProperty("outcome").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR: An internal error occurred", history[0].GetProperty("error").GetString());
        Assert.Equal($"v=spf1 include:{EmailDnsHost.SpfCampaign} ~all", history[0].GetProperty("records")[0].GetProperty("content").GetString());

        host.GoDaddy.FailWritesAfter(-1);
        Assert.Equal("""{"success":true}""", (await SetAsync(caller, domain, "godaddy", "campaign", keys)).Body);
        Assert.Equal(["TXT " + domain, "TXT mc1._domainkey." + domain, "TXT _dmarc." + domain],
            host.GoDaddy.RecordsOf(domain).Select(r => r.Type + " " + r.Name));
    }

    [Fact]
    public async Task Namecheap_set_rewrites_every_other_host_exactly_as_it_was()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("namecheap");
        host.Namecheap.AddDomain(domain, emailType: "MXE");
        host.Namecheap.Add(domain, "@", "A", "192.0.2.10", 60, 10);
        host.Namecheap.Add(domain, "@", "MX", "mx1.example.net", 1800, 5);
        host.Namecheap.Add(domain, "@", "MX", "mx2.example.net", 3600, 20);
        host.Namecheap.Add(domain, "www", "CNAME", "parking.example.net", 300, 10);
        host.Namecheap.Add(domain, "old", "URL301", "https://example.org/", 1800, 10);
        host.Namecheap.Add(domain, "@", "TXT", "v=spf1 mx -all", 600, 10);
        host.Namecheap.Add(domain, "@", "TXT", "google-site-verification=abc123", 1800, 10);
        var before = host.Namecheap.RecordsOf(domain);

        var set = await SetAsync(caller, domain, "namecheap", "campaign",
            [("ApiKey", NamecheapStandIn.ApiKey), ("ApiUser", NamecheapStandIn.ApiUser), ("Username", NamecheapStandIn.Username)]);
        Assert.Equal("""{"success":true}""", set.Body);
        var after = host.Namecheap.RecordsOf(domain);
        // Every host other than the SPF record is there as it was (name, type, address, TTL, MX preference), in order.
        Assert.Equal(before.Where(r => !r.Content.StartsWith("v=spf1", StringComparison.Ordinal)).Select(r => r.ToString()),
            after.Take(before.Count).Where(r => !r.Content.StartsWith("v=spf1", StringComparison.Ordinal)).Select(r => r.ToString()));
        Assert.Equal($"{domain} 600 TXT 10 v=spf1 mx include:{EmailDnsHost.SpfCampaign} -all", after.Single(r => r.Content.StartsWith("v=spf1", StringComparison.Ordinal)).ToString());
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal("MXE", host.Namecheap.EmailTypes[domain]);
        int sets = host.Namecheap.SetHostsCalls;
        Assert.Equal(200, (await SetAsync(caller, domain, "namecheap", "campaign",
            [("ApiKey", NamecheapStandIn.ApiKey), ("ApiUser", NamecheapStandIn.ApiUser), ("Username", NamecheapStandIn.Username)])).Status);
        Assert.Equal(sets, host.Namecheap.SetHostsCalls);

        var wrongUser = await SetAsync(caller, domain, "namecheap", "campaign", [("ApiKey", NamecheapStandIn.ApiKey), ("ApiUser", "someone"), ("Username", "else")]);
        Assert.Equal("""{"Errors":[{"Code":9,"Message":"Failed to set DNS records","Detail":"1011102: API Key is invalid or API access has not been enabled"}]}""", wrongUser.Body);
    }

    [Fact]
    public async Task An_spf_merge_beyond_ten_lookups_is_refused_and_changes_nothing()
    {
        await host.StartAsync();
        var caller = await host.NewCallerAsync();
        string domain = TestNames.Domain("spf10");
        host.Cloudflare.AddZone(domain);
        string full = "v=spf1 " + string.Join(' ', Enumerable.Range(1, 9).Select(i => $"include:spf{i}.example.net")) + " mx -all";
        host.Cloudflare.Add(domain, "TXT", full, 300);
        int writes = host.Cloudflare.WriteCount;

        var refused = await SetAsync(caller, domain, "cloudflare", "campaign", [("ApiKey", CloudflareStandIn.Token)]);
        Assert.Equal(422, refused.Status);
        var error = refused.Json.GetProperty("Errors")[0];
        Assert.Equal(9, error.GetProperty("Code").GetInt32());
        Assert.Contains("11 DNS lookups", error.GetProperty("Detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(writes, host.Cloudflare.WriteCount);
        Assert.Equal(full, host.Cloudflare.RecordsOf(domain).Single().Content);
    }

    private static Task<ApiResponse> SetAsync(EmailDnsCaller caller, string domain, string provider, string recordType, (string, string)[] credentials) =>
        caller.Api.SendAsync(HttpMethod.Post, "/api/v1/dns.set", Body(domain, provider, recordType, credentials));

    private static StringContent Body(string domain, string provider, string? recordType, (string Name, string Value)[] credentials)
    {
        var body = new JsonObject { ["Domain"] = domain, ["Provider"] = provider };
        if (recordType is not null) body["RecordType"] = recordType;
        foreach (var (name, value) in credentials) body[name] = value;
        return ApiClient.Json(body.ToJsonString());
    }
}
