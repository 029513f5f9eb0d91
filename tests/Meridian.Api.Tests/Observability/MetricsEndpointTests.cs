using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Following;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Observability;

/// <summary><c>/metrics</c> of the real <c>meridian serve</c>: read by the Prometheus project's own text parser (Debian's
/// python3-prometheus-client), with counters that move with DNS traffic (dig over UDP and TCP) and API calls.</summary>
public sealed class MetricsEndpointTests
{
    /// <summary>Debian's interpreter, which has the distribution's python3-prometheus-client (test.sh installs it).</summary>
    private const string Python = "/usr/bin/python3";

    private const string ParserScript = """
        import json, sys
        from prometheus_client.parser import text_string_to_metric_families
        out = []
        for family in text_string_to_metric_families(open(sys.argv[1]).read()):
            for sample in family.samples:
                out.append({"family": family.name, "type": family.type, "name": sample.name, "labels": sample.labels, "value": sample.value})
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Metrics_parse_as_Prometheus_text_and_count_DNS_queries_and_API_calls()
    {
        await using var server = await MeridianProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var anonymous = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        using var client = new ApiClient(http);
        string zone = TestNames.Domain("metrics");
        var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        string listener = server.DnsEndpoint.ToString();

        var before = await ScrapeAsync(server);
        Assert.Equal(1, before.Value("meridian_dns_zones", ("server", "production")));
        Assert.True(before.Value("meridian_dns_records", ("server", "production")) >= 3);   // SOA, NS and www's A

        for (int i = 0; i < 3; i++) Assert.Equal("NOERROR", (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A")).Status);
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(server.DnsEndpoint, "nope." + zone, "A")).Status);
        Assert.Equal("NOERROR", (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A", "+tcp")).Status);
        Assert.Equal("REFUSED", (await Dig.QueryAsync(server.DnsEndpoint, "elsewhere.example.", "MX")).Status);
        for (int i = 0; i < 2; i++) (await client.GetAsync($"/api/client/domains/{domainId}/records")).Expect(200);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/client/domains")).StatusCode);

        var after = await ScrapeAsync(server);
        (string, string)[] udpA = [("type", "A"), ("transport", "udp"), ("listener", listener)];
        Assert.Equal(3, after.Delta(before, "meridian_dns_queries_total", [.. udpA, ("rcode", "NOERROR")]));
        Assert.Equal(1, after.Delta(before, "meridian_dns_queries_total", [.. udpA, ("rcode", "NXDOMAIN")]));
        Assert.Equal(1, after.Delta(before, "meridian_dns_queries_total", ("type", "A"), ("rcode", "NOERROR"), ("transport", "tcp")));
        Assert.Equal(1, after.Delta(before, "meridian_dns_queries_total", ("type", "MX"), ("rcode", "REFUSED"), ("transport", "udp")));
        Assert.Equal(5, after.Delta(before, "meridian_dns_answer_duration_seconds_count", ("transport", "udp"), ("listener", listener)));
        Assert.Equal(0, after.Delta(before, "meridian_dns_dropped_total", ("transport", "udp"), ("listener", listener)));
        Assert.Equal("histogram", after.TypeOf("meridian_dns_answer_duration_seconds"));
        Assert.Equal("counter", after.TypeOf("meridian_dns_queries"));

        Assert.Equal(2, after.Delta(before, "http_server_request_duration_seconds_count",
            ("http_route", "/api/client/domains/{id}/records"), ("http_response_status_code", "200"), ("meridian_surface", "client-api")));
        Assert.Equal(1, after.Delta(before, "http_server_request_duration_seconds_count",
            ("http_route", "/api/client/domains"), ("http_response_status_code", "401"), ("meridian_surface", "client-api")));
        Assert.Equal(1, after.Delta(before, "meridian_api_auth_failures_total", ("surface", "client-api"), ("status", "401"), ("reason", "missing")));
    }

    [Fact]
    public async Task Rate_limit_refusals_and_truncated_answers_are_counted()
    {
        await using var server = await MeridianProcess.StartAsync(settings: ["RateLimits:PerHour=2", "RateLimits:PerMinute=1"]);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        using var client = new ApiClient(http);
        string zone = TestNames.Domain("metrics-tc");
        var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
        for (int i = 0; i < 20; i++) await client.CreateRecordAsync(domainId, "big", "TXT", "\"" + new string((char)('a' + i), 200) + "\"");
        var before = await ScrapeAsync(server);

        // No EDNS: 512 octets, and twenty 200-octet strings do not fit.
        var truncated = await Dig.QueryAsync(server.DnsEndpoint, "big." + zone, "TXT", "+noedns", "+ignore");
        Assert.Contains(" tc", truncated.Output, StringComparison.Ordinal);
        var partner = await PartnerCallsUntilRefusedAsync(server);

        var after = await ScrapeAsync(server);
        Assert.Equal(1, after.Delta(before, "meridian_dns_truncated_total", ("transport", "udp"), ("listener", server.DnsEndpoint.ToString())));
        Assert.True(partner.Refused >= 1, "the Partner API never answered 429");
        Assert.Equal(partner.Refused, after.Delta(before, "meridian_api_rate_limited_total", ("surface", "partner-api")));
    }

    [Fact]
    public async Task Malformed_packets_are_dropped_and_counted()
    {
        await using var server = await MeridianProcess.StartAsync();
        (string, string)[] udp = [("transport", "udp"), ("listener", server.DnsEndpoint.ToString())];
        var before = await ScrapeAsync(server);
        Assert.True(before.Has("meridian_dns_dropped_total", udp), "no meridian_dns_dropped_total for the listener");

        using var socket = new System.Net.Sockets.UdpClient(System.Net.Sockets.AddressFamily.InterNetwork);
        await socket.SendAsync(new byte[] { 0x12, 0x34, 0x01 }, server.DnsEndpoint);   // shorter than a header
        // A header with QR set: a response, which a server never answers (no reflection loops between servers).
        await socket.SendAsync(new byte[] { 0x12, 0x34, 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0, 0 }, server.DnsEndpoint);
        // A real question afterwards: answered, so the listener has read what came before it.
        Assert.Equal("REFUSED", (await Dig.QueryAsync(server.DnsEndpoint, "elsewhere.example.", "A")).Status);

        var after = await ScrapeUntilAsync(server, s => s.Delta(before, "meridian_dns_dropped_total", udp) >= 2);
        Assert.Equal(2, after.Delta(before, "meridian_dns_dropped_total", udp));
        Assert.Equal(1, after.Delta(before, "meridian_dns_queries_total", [.. udp, ("rcode", "REFUSED")]));
    }

    [Fact]
    public async Task A_following_edge_node_exposes_its_journal_lag_and_position_which_move_with_the_leaders_writes()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        await using var leader = await FleetNode.StartAsync("all", postgres.ConnectionString, System.Net.IPAddress.Loopback);
        await using var edge = await FleetNode.StartAsync("edge", postgres.ConnectionString, System.Net.IPAddress.Parse("127.0.0.4"));
        using var admin = leader.Client(leader.AdminKey!);
        string accountId = (await admin.PostJsonAsync("/api/admin/accounts",
            new JsonObject { ["kind"] = "client", ["name"] = "lag-client", ["email"] = "lag@example.net" })).Expect(201).GetProperty("id").GetString()!;
        string token = (await admin.PostJsonAsync($"/api/admin/accounts/{accountId}/keys", new JsonObject { ["name"] = "lag" })).Expect(201)
            .GetProperty("token").GetString()!;
        using var client = leader.Client(token);
        string zone = TestNames.Domain("lag");
        var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
        await client.CreateRecordAsync(domainId, "first", "A", "192.0.2.9");
        // Caught up with everything so far: the baseline.
        await WaitForEdgeAsync(edge, "first." + zone, "A");
        var before = await ScrapeAsync(edge.BaseAddress);
        Assert.True(before.Has("meridian_following_lag_seconds"), "the edge node exposes no journal lag gauge");
        Assert.True(before.Value("meridian_following_lag_seconds") >= 0);
        Assert.Equal("gauge", before.TypeOf("meridian_following_lag_seconds"));

        const int writes = 3;
        for (int i = 0; i < writes; i++) await client.CreateRecordAsync(domainId, "host" + i, "A", "192.0.2." + (10 + i));
        await WaitForEdgeAsync(edge, "host2." + zone, "A");
        var after = await ScrapeUntilAsync(edge.BaseAddress, s => s.Delta(before, "meridian_following_entries_total") >= writes);

        // One change feed entry per committed write on the leader, applied by the edge: its count of applied entries
        // moves by exactly that; its position (a feed sequence, which may skip values) by at least that; its lag is still
        // reported.
        Assert.Equal(writes, after.Delta(before, "meridian_following_entries_total"));
        Assert.True(after.Delta(before, "meridian_following_position") >= writes);
        Assert.True(after.Has("meridian_following_lag_seconds"));
        Assert.True(after.Value("meridian_following_lag_seconds") >= 0);
    }

    /// <summary>Waits (at most 30 s) until the edge node answers <paramref name="name"/> with data.</summary>
    private static async Task WaitForEdgeAsync(FleetNode edge, string name, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Dig.QueryAsync(edge.DnsEndpoint, name, type)) is not { Status: "NOERROR" } answer || answer.Data(type).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the edge node never answered {name} {type}");
            await Task.Delay(100);
        }
    }

    /// <summary>Scrapes until <paramref name="done"/> holds (the listener loops count on their own threads), at most 10 s.</summary>
    private static Task<Scrape> ScrapeUntilAsync(MeridianProcess server, Func<Scrape, bool> done) => ScrapeUntilAsync(server.BaseAddress, done);

    private static async Task<Scrape> ScrapeUntilAsync(Uri node, Func<Scrape, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var scrape = await ScrapeAsync(node);
            if (done(scrape) || DateTime.UtcNow > deadline) return scrape;
            await Task.Delay(100);
        }
    }

    /// <summary>Calls the Partner API (the rate-limited surface) with a new partner key until it answers 429 twice.</summary>
    private static async Task<(int Refused, int Calls)> PartnerCallsUntilRefusedAsync(MeridianProcess server)
    {
        string token = await server.CreatePartnerKeyAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        int refused = 0, calls = 0;
        while (refused < 2 && calls < 10)
        {
            calls++;
            if ((await http.GetAsync("/api/v1/users/metrics-user/domains")).StatusCode == System.Net.HttpStatusCode.TooManyRequests) refused++;
        }
        return (refused, calls);
    }

    private static Task<Scrape> ScrapeAsync(MeridianProcess server) => ScrapeAsync(server.BaseAddress);

    private static async Task<Scrape> ScrapeAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node };
        using var response = await http.GetAsync("/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        string file = Path.Combine(Path.GetTempPath(), "meridian-metrics-" + Guid.NewGuid().ToString("N") + ".txt");
        string script = file + ".py";
        await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
        await File.WriteAllTextAsync(script, ParserScript);
        try
        {
            Assert.True(File.Exists(Python), $"{Python} is missing (test.sh installs python3-prometheus-client)");
            var (exit, output) = await ExternalTool.RunAsync(Python, [script, file]);
            Assert.True(exit == 0, "the Prometheus text parser refused /metrics:\n" + output);
            return new Scrape(JsonDocument.Parse(output).RootElement.Clone());
        }
        finally
        {
            File.Delete(file);
            File.Delete(script);
        }
    }

    /// <summary>The samples the parser read.</summary>
    private sealed class Scrape(JsonElement samples)
    {
        /// <summary>The sum of the samples named <paramref name="name"/> whose labels include every pair given.</summary>
        public double Value(string name, params (string Label, string Value)[] labels)
        {
            double sum = 0;
            foreach (var sample in samples.EnumerateArray())
            {
                if (sample.GetProperty("name").GetString() != name) continue;
                var present = sample.GetProperty("labels");
                if (labels.All(l => present.TryGetProperty(l.Label, out var v) && v.GetString() == l.Value)) sum += sample.GetProperty("value").GetDouble();
            }
            return sum;
        }

        public bool Has(string name, params (string Label, string Value)[] labels) => samples.EnumerateArray().Any(sample =>
            sample.GetProperty("name").GetString() == name
            && labels.All(l => sample.GetProperty("labels").TryGetProperty(l.Label, out var v) && v.GetString() == l.Value));

        public double Delta(Scrape before, string name, params (string Label, string Value)[] labels) =>
            Value(name, labels) - before.Value(name, labels);

        public string? TypeOf(string family) => samples.EnumerateArray()
            .Where(s => s.GetProperty("family").GetString() == family).Select(s => s.GetProperty("type").GetString()).FirstOrDefault();

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{samples.GetArrayLength()} samples");
    }
}
