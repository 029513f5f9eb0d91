using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    [Fact]
    public async Task Export_is_a_text_attachment_with_origin_relative_names_and_at_for_the_apex()
    {
        var (client, domainId, zone) = await AccountWithVariedRecordsAsync("exp");

        var export = await client.Api.GetAsync($"/api/client/domains/{domainId}/export/bind");

        Assert.Equal(200, export.Status);
        Assert.Equal("text/plain", export.ContentType?.MediaType);
        Assert.Equal($"attachment; filename=\"{zone.TrimEnd('.')}.zone\"", export.ContentDisposition);
        var lines = export.Body.Split('\n');
        Assert.Contains($"$ORIGIN {zone}", lines);
        Assert.Contains(lines, l => l.StartsWith("$TTL ", StringComparison.Ordinal));
        var owners = lines.Where(l => l.Length > 0 && l[0] is not (';' or '$' or ' ' or '\t')).Select(l => l.Split(' ', '\t')[0]).ToHashSet();
        Assert.Contains("@", owners);
        Assert.Contains("www", owners);
        Assert.Contains("_sip._tcp", owners);
        Assert.DoesNotContain(owners, o => o.EndsWith(zone, StringComparison.Ordinal));
        Assert.DoesNotContain("country", export.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Export_names_the_owner_on_every_record_line()
    {
        var (client, domainId, _) = await AccountWithVariedRecordsAsync("owners");

        var export = await client.Api.GetAsync($"/api/client/domains/{domainId}/export/bind");

        // client-api.txt: "Records at the apex domain use @ as the name; subdomains use relative names"
        // (its example writes "@ IN MX 10 mail.example.com." on the MX line), so no line leaves the owner blank.
        var recordLines = export.Body.Split('\n').Where(l => l.Length > 0 && l[0] is not (';' or '$')).ToList();
        Assert.NotEmpty(recordLines);
        Assert.All(recordLines, line => Assert.False(line[0] is ' ' or '\t', $"no owner on the line '{line}'"));
    }

    [Fact]
    public async Task Export_loads_in_named_checkzone()
    {
        var (client, domainId, zone) = await AccountWithVariedRecordsAsync("bind");
        string text = (await client.Api.GetAsync($"/api/client/domains/{domainId}/export/bind")).Body;

        var (exitCode, output) = await ZoneCheckers.NamedCheckzoneAsync(zone, text);

        Output.WriteLine(text);
        Output.WriteLine(output);
        Assert.True(exitCode == 0, $"named-checkzone refused the export:\n{output}\n{text}");
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_loads_in_kzonecheck()
    {
        var (client, domainId, zone) = await AccountWithVariedRecordsAsync("knot");
        string text = (await client.Api.GetAsync($"/api/client/domains/{domainId}/export/bind")).Body;

        var (exitCode, output) = await ZoneCheckers.KzonecheckAsync(zone, text);

        Assert.True(exitCode == 0, $"kzonecheck refused the export:\n{output}\n{text}");
    }

    [Fact]
    public async Task Export_of_a_domain_without_records_still_loads_in_named_checkzone()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("empty");
        var export = (await client.Api.GetAsync($"/api/client/domains/{domainId}/export/bind"));

        var (exitCode, output) = await ZoneCheckers.NamedCheckzoneAsync(zone, export.Body);

        Assert.Equal(200, export.Status);
        Assert.True(exitCode == 0, $"named-checkzone refused the export:\n{output}\n{export.Body}");
    }

    [Fact]
    public async Task Import_then_export_then_import_into_a_fresh_account_gives_the_same_records()
    {
        var (first, domainId, zone) = await AccountWithVariedRecordsAsync("trip");
        var original = Comparable(await first.Api.ListRecordsAsync(domainId));
        string exported = (await first.Api.GetAsync($"/api/client/domains/{domainId}/export/bind")).Body;
        (await first.Api.DeleteAsync($"/api/client/domains/{domainId}")).Expect(200);
        var second = await Host.NewClientAsync();

        var imported = (await second.Api.ImportAsync(exported)).Expect(201);

        Assert.Equal(zone, Text(imported.GetProperty("domain"), "name"));
        Assert.Equal(second.AccountId, imported.GetProperty("domain").GetProperty("client_id").GetGuid());
        Assert.Equal(original, Comparable(await second.Api.ListRecordsAsync(IdOf(imported.GetProperty("domain")))));
    }

    [Fact]
    public async Task Export_of_geo_cname_variants_loads_in_named_checkzone_and_imports_back_with_country_codes()
    {
        var (client, domainId, zone) = await ClientWithDomainAsync("geoexp");
        var api = client.Api;
        await api.CreateRecordAsync(domainId, "www", "CNAME", "us.cdn.example.net", new JsonObject { ["country_codes"] = new JsonArray("US") });
        await api.CreateRecordAsync(domainId, "www", "CNAME", "eu.cdn.example.net", new JsonObject { ["country_codes"] = new JsonArray("EU", "country:AS") });
        await api.CreateRecordAsync(domainId, "www", "CNAME", "cdn.example.net");
        var original = WithCountryCodes(await api.ListRecordsAsync(domainId));
        string exported = (await api.GetAsync($"/api/client/domains/{domainId}/export/bind")).Body;

        var (exitCode, output) = await ZoneCheckers.NamedCheckzoneAsync(zone, exported);
        Assert.True(exitCode == 0, $"named-checkzone refused the export:\n{output}\n{exported}");
        (await api.DeleteAsync($"/api/client/domains/{domainId}")).Expect(200);
        var imported = (await api.ImportAsync(exported)).Expect(201);

        Assert.Equal(original, WithCountryCodes(await api.ListRecordsAsync(IdOf(imported.GetProperty("domain")))));
    }

    private static IReadOnlyList<string> WithCountryCodes(IEnumerable<JsonElement> records) =>
        [.. records.Select(r => $"{Text(r, "name")} {Text(r, "type")} {Text(r, "value")} {string.Join(',', r.GetProperty("country_codes").EnumerateArray().Select(c => c.GetString()))}")
            .Order(StringComparer.Ordinal)];

    /// <summary>A client whose domain holds one record of each common kind, with several TTLs and
    /// values that are awkward in zone files (quotes, semicolons, a TXT longer than 255 octets).</summary>
    private async Task<(ClientAccount Client, Guid DomainId, string Zone)> AccountWithVariedRecordsAsync(string word)
    {
        var (client, domainId, zone) = await ClientWithDomainAsync(word);
        var api = client.Api;
        await api.CreateRecordAsync(domainId, "@", "A", "192.0.2.1", new JsonObject { ["ttl"] = 300 });
        await api.CreateRecordAsync(domainId, "@", "AAAA", "2001:db8::1");
        await api.CreateRecordAsync(domainId, "@", "MX", "mail." + zone, new JsonObject { ["priority"] = 10 });
        await api.CreateRecordAsync(domainId, "@", "MX", "backup.example.net", new JsonObject { ["priority"] = 20 });
        await api.CreateRecordAsync(domainId, "@", "TXT", "v=spf1 include:_spf.example.net ~all");
        await api.CreateRecordAsync(domainId, "@", "CAA", "0 issue \"letsencrypt.org\"");
        await api.CreateRecordAsync(domainId, "www", "A", "192.0.2.2", new JsonObject { ["ttl"] = 60 });
        await api.CreateRecordAsync(domainId, "mail", "A", "192.0.2.3");
        await api.CreateRecordAsync(domainId, "alias", "CNAME", "www." + zone);
        await api.CreateRecordAsync(domainId, "_sip._tcp", "SRV", "5 5060 sip.example.net", new JsonObject { ["priority"] = 1 });
        await api.CreateRecordAsync(domainId, "_dmarc", "TXT", "v=DMARC1; p=reject; rua=mailto:d@example.net");
        await api.CreateRecordAsync(domainId, "quoted", "TXT", "\"say \\\"hi\\\"\" \"second; part\"");
        await api.CreateRecordAsync(domainId, "long", "TXT", new string('x', 300));
        await api.CreateRecordAsync(domainId, "*", "A", "192.0.2.99", new JsonObject { ["ttl"] = 604800 });
        await api.CreateRecordAsync(domainId, "ptr", "PTR", "host.example.net.");
        return (client, domainId, zone);
    }

    /// <summary>What a zone file can carry of a record: name, type, TTL, priority, value (ids, times and
    /// country codes are not part of zone files).</summary>
    private static IReadOnlyList<string> Comparable(IEnumerable<JsonElement> records) =>
        [.. records.Select(r => $"{Text(r, "name")} {Text(r, "type")} {r.GetProperty("ttl").GetInt32()} {r.GetProperty("priority").GetInt32()} {Text(r, "value")}")
            .Order(StringComparer.Ordinal)];
}
