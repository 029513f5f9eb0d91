using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Hosting;

/// <summary>How the real `meridian serve` process is set up, where that decides what a write costs: no file
/// watcher on the folder it runs in (the data directory, whose SQLite log every write changes), and the
/// runtime's tier-up settings that let the write path reach optimized code soon after start.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_does_not_watch_its_working_directory_when_that_is_the_data_directory()
    {
        if (!OperatingSystem.IsLinux()) return; // inotify watches are read from /proc
        await using var server = await MeridianProcess.StartAsync(inDataDirectory: true);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        using var client = new ApiClient(http);
        var domain = await client.CreateDomainAsync(TestNames.Domain("watch"));
        (await client.PostJsonAsync("/api/client/records", new JsonObject
        {
            ["domain_id"] = domain.GetProperty("id").GetString(), ["name"] = "www", ["type"] = "A", ["value"] = "192.0.2.1",
        })).Expect(201);

        var watched = InotifyWatchedInodes(server.ProcessId);
        Assert.DoesNotContain(Inode(server.DataDirectory), watched);
        // The geo database folder below it is still watched (GeoDatabaseLoader), so the reading above works.
        Assert.Contains(Inode(Path.Combine(server.DataDirectory, "geo")), watched);
    }

    [Fact]
    public void Serve_runtime_counts_calls_for_tier_up_without_the_startup_delay()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "meridian.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.Equal("0", properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").ToString());
    }

    /// <summary>The inodes of every inotify watch the process holds (<c>/proc/PID/fdinfo</c>, "ino:" in hex).</summary>
    private static HashSet<long> InotifyWatchedInodes(int pid)
    {
        var inodes = new HashSet<long>();
        foreach (string fdInfo in Directory.GetFiles($"/proc/{pid}/fdinfo"))
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(fdInfo);
            }
            catch (IOException)
            {
                continue; // the descriptor was closed meanwhile
            }
            foreach (string line in lines.Where(l => l.StartsWith("inotify ", StringComparison.Ordinal)))
            {
                string field = line.Split(' ').Single(f => f.StartsWith("ino:", StringComparison.Ordinal));
                inodes.Add(long.Parse(field["ino:".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
        }
        return inodes;
    }

    private static long Inode(string path)
    {
        var info = new ProcessStartInfo("stat") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string arg in new[] { "-c", "%i", path }) info.ArgumentList.Add(arg);
        using var stat = Process.Start(info)!;
        string output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        Assert.Equal(0, stat.ExitCode);
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
