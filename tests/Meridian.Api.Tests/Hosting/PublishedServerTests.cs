using System.Net.Http.Headers;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Hosting;

/// <summary>A deployment as an operator makes one: <c>dotnet publish</c> of the server, copied away from the checkout,
/// started on an empty data directory. It must carry its geo database and answer GeoDNS with it.</summary>
public sealed class PublishedServerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-published-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_published_build_on_an_empty_data_directory_answers_GeoDNS_with_its_shipped_database()
    {
        string publish = Path.Combine(_directory, "meridian");
        // The solution is built already (test.sh builds it first); publish lays out what ships.
        var (exit, output) = await ExternalTool.RunAsync("dotnet",
            ["publish", Path.Combine(RepositoryFiles.Root, "src", "Meridian.Server", "Meridian.Server.csproj"), "-c", "Release", "--no-build",
             "-o", publish, "-nologo", "-v", "quiet"], timeout: TimeSpan.FromMinutes(5));
        Assert.True(exit == 0, "dotnet publish failed:\n" + output);
        Assert.True(File.Exists(Path.Combine(publish, "geo", "geo-whois-asn-country.mmdb")), "the publish output has no geo/ database");

        // Outside the checkout, nothing in the (new, empty) data directory, no Geo setting: only what was published.
        await using var server = await MeridianProcess.StartAsync(inDataDirectory: true, executable: Path.Combine(publish, "meridian.dll"));
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "geo", "geo-whois-asn-country.mmdb")));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        using var client = new ApiClient(http);
        string zone = TestNames.Domain("published-geo");
        var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.1", new() { ["country_codes"] = new System.Text.Json.Nodes.JsonArray("US") });
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.2", new() { ["country_codes"] = new System.Text.Json.Nodes.JsonArray("JP") });
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.3");

        // Google's 8.8.8.0/24 is registered in the US and 133/8 to Japanese networks, in every edition of the database.
        Assert.Equal(["192.0.2.1"], (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A", "+subnet=8.8.8.0/24")).Data("A"));
        Assert.Equal(["192.0.2.2"], (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A", "+subnet=133.11.0.0/24")).Data("A"));
        var unknown = await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A", "+subnet=203.0.113.0/24");
        Assert.Equal(["192.0.2.3"], unknown.Data("A"));
    }
}
