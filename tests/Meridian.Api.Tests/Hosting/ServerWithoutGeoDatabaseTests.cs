using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Hosting;

/// <summary><c>Geo:Required=false</c> on a server with no geo database anywhere (none configured, none in the data
/// directory, none beside the binary): it starts, and every client, wherever it is, gets the global records.</summary>
public sealed class ServerWithoutGeoDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-nogeo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Without_any_geo_database_and_Geo_Required_false_serve_starts_and_answers_the_global_records()
    {
        // The build output beside the tests ships geo/; a copy without it is a server with nothing beside the binary.
        string build = CopyBuildWithoutGeo(Path.Combine(_directory, "meridian"));
        await using var server = await MeridianProcess.StartAsync(inDataDirectory: true, executable: Path.Combine(build, "meridian.dll"),
            settings: ["Geo:Required=false"]);
        Assert.Empty(Directory.EnumerateFiles(server.DataDirectory, "*.mmdb", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(build, "geo")));

        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        using var client = new ApiClient(http);
        string zone = TestNames.Domain("nogeo");
        var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.1", new() { ["country_codes"] = new JsonArray("US") });
        await client.CreateRecordAsync(domainId, "www", "A", "192.0.2.3");

        // 8.8.8.0/24 is in the US in every database; without one, no client has a location, so all get the global record.
        Assert.Equal(["192.0.2.3"], (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A", "+subnet=8.8.8.0/24")).Data("A"));
        Assert.Equal(["192.0.2.3"], (await Dig.QueryAsync(server.DnsEndpoint, "www." + zone, "A")).Data("A"));
    }

    /// <summary>Copies the server's build output (beside the tests) to <paramref name="target"/>, without <c>geo/</c>.</summary>
    private static string CopyBuildWithoutGeo(string target)
    {
        string source = AppContext.BaseDirectory;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("geo" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Assert.True(File.Exists(Path.Combine(target, "meridian.dll")));
        return target;
    }
}
