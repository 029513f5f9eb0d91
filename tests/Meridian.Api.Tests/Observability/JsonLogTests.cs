using System.Text.Json;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Observability;

/// <summary><c>Logging:Format=json</c> on the real <c>meridian serve</c>: its console is a log stream a shipper reads line
/// by line as JSON, so every line is one JSON object, and the first start's admin key is in none of them (nor on
/// stderr): it is written to <c>{data}/initial-admin-key</c>, readable by the server's user only, and the log says where.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Every_console_line_is_a_JSON_object_and_the_admin_key_goes_to_an_owner_only_file()
    {
        // MeridianProcess reads the key from the file the log line names, then makes a client account with it.
        await using var server = await MeridianProcess.StartAsync(settings: ["Logging:Format=json"]);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.ClientToken);
        (await new ApiClient(http).GetAsync("/api/client/domains")).Expect(200);

        string keyFile = Path.Combine(server.DataDirectory, "initial-admin-key");
        Assert.Equal(server.AdminToken, (await File.ReadAllTextAsync(keyFile)).Trim());
        Assert.False(OperatingSystem.IsWindows(), "the server runs on Linux");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        var lines = server.StandardOutput.ToList();
        Assert.NotEmpty(lines);
        var events = new List<JsonElement>();
        foreach (string line in lines)
        {
            using var document = JsonDocument.Parse(line);   // throws, failing the test, on a line that is not JSON
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            events.Add(document.RootElement.Clone());
        }
        Assert.Contains(events, e => e.GetProperty("EventId").GetInt32() == 1001
            && e.GetProperty("Message").GetString()!.StartsWith("DNS listening on", StringComparison.Ordinal));
        var keyEvent = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1006);
        Assert.Contains(Path.GetFullPath(keyFile), keyEvent.GetProperty("Message").GetString(), StringComparison.Ordinal);

        foreach (string line in lines.Concat(server.StandardError))
            Assert.DoesNotContain(server.AdminToken, line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Concat(server.StandardError), l => l.Contains("mk_live_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_readable_console_still_prints_the_admin_key_once_and_writes_no_file()
    {
        await using var server = await MeridianProcess.StartAsync();

        Assert.Single(server.StandardOutput, l => l == server.AdminToken);
        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "initial-admin-key")));
    }
}
