using System.Net.Http.Headers;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task Import_of_a_standard_file_creates_the_domain_and_its_records_with_201()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("imp") + ".";
        string file = $"""
            $ORIGIN {zone}
            $TTL 3600
            @       IN  A       192.0.2.1
            www     IN  A       192.0.2.2
            mail    IN  A       192.0.2.3
                    IN  MX  10  mail.{zone}
            sub     IN  A       192.0.2.4
            txt     IN  TXT     "hello world"
            _sip._tcp IN SRV    1 5 5060 sip.{zone}
            """;

        var imported = (await client.Api.ImportAsync(file)).Expect(201);

        Assert.Equal(["domain", "records_created", "records"], imported.EnumerateObject().Select(p => p.Name));
        AssertDomainShape(imported.GetProperty("domain"), client.AccountId, zone);
        Guid domainId = IdOf(imported.GetProperty("domain"));
        Assert.Equal(7, imported.GetProperty("records_created").GetInt32());
        var records = imported.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(7, records.Count);
        foreach (var record in records)
        {
            AssertRecordShape(record, domainId);
            Assert.Equal(["disabled"], Codes(record));
            Assert.Equal(3600, record.GetProperty("ttl").GetInt32());
        }
        var mx = records.Single(r => Text(r, "type") == "MX");
        Assert.Equal(("mail." + zone, 10, "mail." + zone), (Text(mx, "name"), mx.GetProperty("priority").GetInt32(), Text(mx, "value")));
        var srv = records.Single(r => Text(r, "type") == "SRV");
        Assert.Equal((1, "5 5060 sip." + zone), (srv.GetProperty("priority").GetInt32(), Text(srv, "value")));
        Assert.Equal(records.Select(IdOf).Order(), (await client.Api.ListRecordsAsync(domainId)).Select(IdOf).Order());
        Assert.Equal(["192.0.2.2"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Data("A"));
        Assert.Equal(["\"hello world\""], (await Dig.QueryAsync(Host.DnsEndpoint, "txt." + zone, "TXT")).Data("TXT"));
    }

    [Fact]
    public async Task Import_of_the_spec_example_is_206_because_www_has_both_A_and_CNAME()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("spec") + ".";
        string file = $"""
            $ORIGIN {zone}
            $TTL 3600

            @       IN  A       192.0.2.1
            www     IN  A       192.0.2.2
            mail    IN  A       192.0.2.3
                    IN  MX  10  mail.{zone}
            www     IN  CNAME   {zone}
            sub     IN  A       192.0.2.4
            """;

        var partial = (await client.Api.ImportAsync(file)).Expect(206);

        Assert.True(partial.GetProperty("partial_success").GetBoolean());
        Assert.Equal(5, partial.GetProperty("records_created").GetInt32());
        Assert.Equal(5, partial.GetProperty("records").GetArrayLength());
        var error = Assert.Single(partial.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Contains("www." + zone, error, StringComparison.Ordinal);
        Assert.Contains("CNAME", error, StringComparison.Ordinal);
        Assert.Equal(5, (await client.Api.ListRecordsAsync(IdOf(partial.GetProperty("domain")))).Count);
    }

    [Fact]
    public async Task Import_of_the_provider_export_style_infers_the_domain_and_reads_TTL_units()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("bunny") + ".";
        string file = $"""
            ;CNAME records
            i.{zone}      IN  1d  CNAME  img-b4y-net.b-cdn.net.
            resumes.{zone}  IN  1d  CNAME  rev.enzonix.com.
            {zone}        IN  15  CNAME  b4y-site.b-cdn.net.

            ;A records
            local.{zone}  IN  1d  A      192.168.0.71
            stor1.{zone}  IN  1d  A      192.168.0.5
            ny.r.{zone}   IN  1d  A      109.122.60.6
            """;

        var partial = (await client.Api.ImportAsync(file)).Expect(206);

        Assert.Equal(zone, Text(partial.GetProperty("domain"), "name"));
        Assert.Equal(5, partial.GetProperty("records_created").GetInt32());
        var error = Assert.Single(partial.GetProperty("errors").EnumerateArray()).GetString()!;
        Assert.Contains("CNAME", error, StringComparison.Ordinal);
        var records = partial.GetProperty("records").EnumerateArray().ToList();
        Assert.All(records, r => Assert.Equal(86400, r.GetProperty("ttl").GetInt32()));
        Assert.Equal("img-b4y-net.b-cdn.net.", Text(records.Single(r => Text(r, "name") == "i." + zone), "value"));
        Assert.Equal(["109.122.60.6"], (await Dig.QueryAsync(Host.DnsEndpoint, "ny.r." + zone, "A")).Data("A"));
    }

    [Fact]
    public async Task Import_applies_TTL_directives_and_units()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("ttl") + ".";
        string file = $"""
            $ORIGIN {zone}
            $TTL 2h
            default IN A 192.0.2.1
            minutes 30m IN A 192.0.2.2
            week IN 1w A 192.0.2.3
            mixed 1h30m IN A 192.0.2.4
            seconds 42 IN A 192.0.2.5
            $TTL 1D
            later IN A 192.0.2.6
            """;

        var imported = (await client.Api.ImportAsync(file)).Expect(201);

        var ttls = imported.GetProperty("records").EnumerateArray().ToDictionary(r => Text(r, "name"), r => r.GetProperty("ttl").GetInt32());
        Assert.Equal(7200, ttls["default." + zone]);
        Assert.Equal(1800, ttls["minutes." + zone]);
        Assert.Equal(604800, ttls["week." + zone]);
        Assert.Equal(5400, ttls["mixed." + zone]);
        Assert.Equal(42, ttls["seconds." + zone]);
        Assert.Equal(86400, ttls["later." + zone]);
    }

    [Fact]
    public async Task Import_without_TTL_directive_uses_3600()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("nottl") + ".";

        var imported = (await client.Api.ImportAsync($"$ORIGIN {zone}\nwww IN A 192.0.2.1\n")).Expect(201);

        Assert.Equal(3600, imported.GetProperty("records")[0].GetProperty("ttl").GetInt32());
    }

    [Fact]
    public async Task Import_skips_SOA_and_apex_NS_records_and_keeps_delegations()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("skip") + ".";
        string file = $"""
            $ORIGIN {zone}
            @ 3600 IN SOA ns1.other-provider.net. admin.{zone} 2024010101 7200 3600 1209600 300
            @ IN NS ns1.other-provider.net.
            @ IN NS ns2.other-provider.net.
            delegated IN NS ns.elsewhere.net.
            www IN A 192.0.2.1
            """;

        var imported = (await client.Api.ImportAsync(file)).Expect(201);

        // The platform serves its own SOA and apex NS; a delegation below the apex is the customer's data.
        var records = imported.GetProperty("records").EnumerateArray().Select(r => (Text(r, "name"), Text(r, "type"))).Order().ToList();
        Assert.Equal([("delegated." + zone, "NS"), ("www." + zone, "A")], records);
        var ns = await Dig.QueryAsync(Host.DnsEndpoint, zone, "NS");
        Assert.DoesNotContain(ns.Data("NS"), data => data.Contains("other-provider", StringComparison.Ordinal));
        Assert.NotEmpty(ns.Data("NS"));
    }

    [Fact]
    public async Task Import_into_the_callers_existing_domain_adds_the_records_even_at_the_domain_limit()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("existing", domainLimit: 1);
        await client.Api.CreateRecordAsync(domainId, "old", "A", "192.0.2.1");

        var imported = (await client.Api.ImportAsync($"$ORIGIN {zone}\nnew IN A 192.0.2.2\n")).Expect(201);

        Assert.Equal(domainId, IdOf(imported.GetProperty("domain")));
        Assert.Equal(2, (await client.Api.ListRecordsAsync(domainId)).Count);
        Assert.Single((await client.Api.GetAsync("/api/client/domains")).Expect(200).EnumerateArray());
    }

    [Fact]
    public async Task Import_of_a_new_domain_over_the_quota_is_403_and_stores_nothing()
    {
        var (client, _, _) = await ClientWithDomainAsync("impquota", domainLimit: 1);
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.ImportAsync($"$ORIGIN {TestNames.Domain("impquota")}.\nwww IN A 192.0.2.1\n");

        Assert.Equal(403, refused.Status);
        Assert.Equal("Domain limit reached", refused.Error);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task Import_reports_records_outside_the_domain_and_bad_lines_with_206()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("outside") + ".";
        string file = $"""
            $ORIGIN {zone}
            www IN A 192.0.2.1
            invalid.elsewhere.net. IN A 192.0.2.2
            bad IN A 999.0.0.1
            www IN A 192.0.2.1
            """;

        var partial = (await client.Api.ImportAsync(file)).Expect(206);

        Assert.Equal(1, partial.GetProperty("records_created").GetInt32());
        var errors = partial.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains($"invalid.elsewhere.net. does not belong to domain {zone}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Line 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("$ORIGIN {zone}\nwww IN A 192.0.2.1\n$TTL abc\n", "Line 3")]
    [InlineData("$ORIGIN {zone}\nwww IN TXT ( \"open\"\nother IN A 192.0.2.1\n", "unbalanced")]
    [InlineData("$ORIGIN {zone}\nwww IN TXT \"never closed\nother IN A 192.0.2.1\n", "Line 2")]
    [InlineData("$ORIGIN {zone}\nwww IN A 192.0.2.1\n$INCLUDE /etc/passwd\n", "Line 3")]
    [InlineData("$ORIGIN {zone}\n$FROBNICATE 1\nwww IN A 192.0.2.1\n", "Line 2")]
    public async Task Import_of_a_file_with_a_syntax_error_is_400_naming_the_line(string file, string fragment)
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("syntax") + ".";
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.ImportAsync(file.Replace("{zone}", zone, StringComparison.Ordinal));

        refused.ExpectError(400, fragment);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Theory]
    [InlineData("$ORIGIN {zone}\n@ IN NS ns1.example.net.\n@ IN NS ns2.example.net.\n")]
    [InlineData("$ORIGIN {zone}\nwww IN A 999.1.1.1\n")]
    [InlineData("$ORIGIN {zone}\n; only a comment\n")]
    [InlineData("$ORIGIN {zone}\nelsewhere.net. IN A 192.0.2.1\n")]
    public async Task Import_of_a_file_without_a_valid_record_is_400_and_creates_no_domain(string file)
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("novalid") + ".";
        var before = await Host.SnapshotAsync();

        var refused = await client.Api.ImportAsync(file.Replace("{zone}", zone, StringComparison.Ordinal));

        refused.ExpectError(400, "No valid records");
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task Import_accepts_application_octet_stream()
    {
        var client = await Host.NewClientAsync();
        string zone = TestNames.Domain("octet") + ".";
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"$ORIGIN {zone}\nwww IN A 192.0.2.1\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var imported = (await client.Api.SendAsync(HttpMethod.Post, "/api/client/import/bind", content)).Expect(201);

        Assert.Equal(zone, Text(imported.GetProperty("domain"), "name"));
    }
}
