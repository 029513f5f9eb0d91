using System.Diagnostics;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;

namespace Meridian.Platform.Tests.Services;

/// <summary>Exports of zones with GeoDNS variants read back: BIND's named-checkzone loads every one (one CNAME per
/// name, one TTL per set) and Meridian's import gives back every record with its country codes.</summary>
public abstract class GeoExportTests(ITestStorage storage) : PlatformTestBase(storage)
{
    /// <summary>Zones whose records have locations, in the shapes customers use.</summary>
    public static TheoryData<string, RecordInput[]> Fixtures => new()
    {
        // A global CNAME with regional variants: BIND gets the global one.
        { "cdn.example", [
            new("www", "CNAME", "global.cdn.example.net"),
            new("www", "CNAME", "us.cdn.example.net", CountryCodes: ["US", "CA"]),
            new("www", "CNAME", "eu.cdn.example.net", CountryCodes: ["EU"]),
            new("www", "CNAME", "samoa.cdn.example.net", CountryCodes: ["country:AS"]),
            new("@", "A", "192.0.2.1"),
        ] },
        // Variants only: BIND gets the first one, the rest are comment lines.
        { "variants-only.example", [
            new("app", "CNAME", "us.app.example.net", 300, CountryCodes: ["US"]),
            new("app", "CNAME", "eu.app.example.net", 300, CountryCodes: ["EMEA"]),
            new("app", "CNAME", "asia.app.example.net", 300, CountryCodes: ["AS", "OC"]),
            new("@", "A", "192.0.2.10", CountryCodes: ["US"]),
            new("@", "A", "192.0.2.11", CountryCodes: ["DACH", "NORDICS"]),
            new("*", "CNAME", "wild-eu.example.net", CountryCodes: ["EU"]),
            new("*", "CNAME", "wild-na.example.net", CountryCodes: ["NA"]),
        ] },
        // Every other type with variants beside global records, TXT with the comment character in its data.
        { "mixed.example", [
            new("api", "A", "192.0.2.20"),
            new("api", "A", "192.0.2.21", CountryCodes: ["DE"]),
            new("api", "AAAA", "2001:db8::21", CountryCodes: ["JP"]),
            new("@", "MX", "mx-us.mixed.example", Priority: 10, CountryCodes: ["US"]),
            new("@", "MX", "mx.mixed.example", Priority: 20),
            new("note", "TXT", "\"a; meridian: country_codes=FR\" \"b\"", CountryCodes: ["LATAM"]),
            new("note", "TXT", "plain; text"),
            new("_sip._tcp", "SRV", "5 5060 sip-eu.mixed.example", Priority: 1, CountryCodes: ["EU"]),
            new("_sip._tcp", "SRV", "5 5060 sip.mixed.example", Priority: 2),
            new("sub", "NS", "ns1.example.net"),
        ] },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Export_with_geo_variants_loads_in_bind_and_imports_back_with_its_country_codes(string zoneName, RecordInput[] inputs)
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, zoneName);
        foreach (var input in inputs) Ok(await Records.CreateAsync(actor, zone.Id, input));
        var original = Ok(await Records.ListAsync(actor, zone.Id));

        var export = Ok(await Exports.ExportBindAsync(actor, zone.Id));
        var (exit, output) = await NamedCheckzoneAsync(zoneName, export.Text);
        Assert.True(exit == 0, $"named-checkzone refused the export:\n{output}\n{export.Text}");

        Ok(await Domains.DeleteAsync(actor, zone.Id));
        var reimported = Ok(await Imports.ImportBindAsync(actor, export.Text));
        Assert.Empty(reimported.Errors);
        Assert.Equal(Shape(original), Shape(Ok(await Records.ListAsync(actor, reimported.Zone.Id))));
        var second = Ok(await Exports.ExportBindAsync(actor, reimported.Zone.Id));
        Assert.Equal(Body(export.Text), Body(second.Text));
    }

    [Fact]
    public async Task Export_shows_the_global_cname_to_other_readers_and_comments_out_the_variants()
    {
        var actor = await NewClientAsync();
        var zone = await NewZoneAsync(actor, "shown.example");
        Ok(await Records.CreateAsync(actor, zone.Id, new("www", "CNAME", "eu.example.net", CountryCodes: ["EU"])));
        Ok(await Records.CreateAsync(actor, zone.Id, new("www", "CNAME", "global.example.net")));
        Ok(await Records.CreateAsync(actor, zone.Id, new("api", "CNAME", "us.example.net", CountryCodes: ["US"])));
        Ok(await Records.CreateAsync(actor, zone.Id, new("api", "CNAME", "jp.example.net", CountryCodes: ["JP"])));
        var lines = Ok(await Exports.ExportBindAsync(actor, zone.Id)).Text.Split('\n');

        Assert.Contains("www\t\tIN\tCNAME\tglobal.example.net.", lines);
        Assert.Contains("; meridian: country_codes=EU www\t\tIN\tCNAME\teu.example.net.", lines);
        // No global record: the first variant by its codes is the set other readers see, marked with its codes.
        Assert.Contains("api\t\tIN\tCNAME\tjp.example.net.\t; meridian: country_codes=JP", lines);
        Assert.Contains("; meridian: country_codes=US api\t\tIN\tCNAME\tus.example.net.", lines);
    }

    [Fact]
    public async Task Import_reports_a_bad_country_code_in_a_meridian_comment_by_line_and_keeps_the_rest()
    {
        var actor = await NewClientAsync();
        var outcome = Ok(await Imports.ImportBindAsync(actor, """
            $ORIGIN badgeo.example.
            www IN A 192.0.2.1
            ; meridian: country_codes=ZZ www IN A 192.0.2.2
            api IN A 192.0.2.3 ; meridian: country_codes=US
            ; a comment that only mentions meridian: nothing to read
            """));
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("Line 3: Failed to create record www.badgeo.example. A: Invalid country code 'ZZ'", error, StringComparison.Ordinal);
        var records = Ok(await Records.ListAsync(actor, outcome.Zone.Id));
        Assert.Equal(["api.badgeo.example. A 192.0.2.3 US", "www.badgeo.example. A 192.0.2.1 disabled"],
            records.Select(r => $"{r.Name} {r.Type} {r.Data} {string.Join(',', r.CountryCodes)}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Import_refuses_a_second_cname_variant_for_the_same_location()
    {
        var actor = await NewClientAsync();
        var outcome = Ok(await Imports.ImportBindAsync(actor, """
            $ORIGIN twice.example.
            www IN CNAME a.example.net. ; meridian: country_codes=US
            ; meridian: country_codes=US,CA www IN CNAME b.example.net.
            """));
        var error = Assert.Single(outcome.Errors);
        Assert.StartsWith("Line 3: Failed to create record www.twice.example. CNAME:", error, StringComparison.Ordinal);
        Assert.Contains("for US", error, StringComparison.Ordinal);
    }

    private static List<string> Shape(IEnumerable<Meridian.Platform.Model.Record> records) =>
        records.Select(r => $"{r.Name} {r.Ttl} {r.Type} {r.Data} [{string.Join(',', r.CountryCodes)}]").Order(StringComparer.Ordinal).ToList();

    private static List<string> Body(string export) => export[export.IndexOf("$ORIGIN", StringComparison.Ordinal)..]
        .Split('\n').Where(l => !l.Contains("SOA", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Runs BIND's named-checkzone; a machine without it fails the test by name (test.sh installs bind9-utils).</summary>
    private static async Task<(int Exit, string Output)> NamedCheckzoneAsync(string origin, string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"meridian-geo-export-{Guid.NewGuid():N}.zone");
        await File.WriteAllTextAsync(path, text);
        try
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("named-checkzone", [origin, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("named-checkzone (BIND, apt-get install bind9-utils) is needed by this test and cannot be run: " + e.Message, e);
            }
            using (process)
            {
                string output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                return (process.ExitCode, output);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class GeoExportSqliteTests() : GeoExportTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class GeoExportPostgresTests(PostgresServer server) : GeoExportTests(server.NewDatabase());
