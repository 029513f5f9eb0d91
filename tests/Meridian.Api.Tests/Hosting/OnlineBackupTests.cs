using System.Net.Http.Headers;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Hosting;

/// <summary><c>meridian backup --to FILE</c> while <c>meridian serve</c> runs and writes, then a server started on the
/// restored file: it serves what was written before the backup.</summary>
public sealed class OnlineBackupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-online-backup-").FullName;

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_backup_taken_while_serving_restores_into_a_server_that_answers_the_zone()
    {
        string file = Path.Combine(_directory, "meridian.backup");
        string zone = TestNames.Domain("backup");
        await using (var server = await MeridianProcess.StartAsync())
        {
            using var http = new HttpClient { BaseAddress = server.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
            using var client = new ApiClient(http);
            var domainId = (await client.CreateDomainAsync(zone)).GetProperty("id").GetGuid();
            for (int i = 0; i < 20; i++) await client.CreateRecordAsync(domainId, "host" + i, "A", "192.0.2." + (i + 1));

            // Writes go on during the backup: the copy is whole and consistent whatever it catches of them.
            var writes = Task.Run(async () =>
            {
                for (int i = 20; i < 60; i++) await client.CreateRecordAsync(domainId, "host" + i, "A", "198.51.100." + (i - 19));
            });
            var (exit, output) = await ExternalTool.RunAsync("dotnet",
                [Path.Combine(AppContext.BaseDirectory, "meridian.dll"), "backup", "--to", file, "--data", server.DataDirectory]);
            await writes;
            Assert.True(exit == 0, output);
            Assert.Contains("backed up", output, StringComparison.Ordinal);
        }

        string restored = Path.Combine(_directory, "restored");
        Directory.CreateDirectory(restored);
        File.Copy(file, Path.Combine(restored, "meridian.db"));
        await using var again = await MeridianProcess.StartAsync(existingDirectory: restored);
        for (int i = 0; i < 20; i++)
        {
            var answer = await Dig.QueryAsync(again.DnsEndpoint, $"host{i}.{zone}", "A");
            Assert.Equal(["192.0.2." + (i + 1)], answer.Data("A"));
        }
    }
}
