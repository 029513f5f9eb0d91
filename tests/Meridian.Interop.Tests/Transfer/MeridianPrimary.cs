using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Transfer;

/// <summary>The real `meridian serve` on a fresh SQLite directory as a hidden primary: a TSIG key made with
/// `meridian tsig create` first, transfers allowed to that key, NOTIFY (signed with it) to the given secondaries, and a
/// client account whose API changes the zone.</summary>
internal sealed class MeridianPrimary : IAsyncDisposable
{
    public const string KeyName = "xfr-key";

    private readonly Process _process;
    private readonly HttpClient _client;
    private readonly StringBuilder _log;

    private MeridianPrimary(Process process, HttpClient client, StringBuilder log, string directory, IPEndPoint dns, string secret)
    {
        _process = process;
        _client = client;
        _log = log;
        DataDirectory = directory;
        Dns = dns;
        Secret = secret;
    }

    public string DataDirectory { get; }

    public IPEndPoint Dns { get; }

    /// <summary>The TSIG key's base64 secret, as `meridian tsig create` printed it.</summary>
    public string Secret { get; }

    public string Log => _log.ToString();

    /// <summary>The secrets of the keys made by <see cref="StartAsync"/>'s <c>extraKeys</c>, by key name.</summary>
    public Dictionary<string, string> Secrets { get; } = [];

    /// <param name="extraKeys">More keys to make before the start: each the flags of one `meridian tsig create` (its
    /// --name first, then e.g. --update-zone …), the secret kept in <see cref="Secrets"/>.</param>
    public static async Task<MeridianPrimary> StartAsync(IReadOnlyList<int> notifyPorts, IReadOnlyList<string[]>? extraKeys = null)
    {
        string directory = Directory.CreateTempSubdirectory("meridian-primary-").FullName;
        string secret = CreateKey(directory, ["--name", KeyName]);
        var secrets = (extraKeys ?? []).ToDictionary(flags => flags[1], flags => CreateKey(directory, flags));

        int dnsPort = ExternalTool.FreePort();
        int httpPort = ExternalTool.FreePort();
        var info = Dotnet(["serve", "--data", directory, "--http", $"127.0.0.1:{httpPort}", "--dns", $"127.0.0.1:{dnsPort}",
            $"--Transfer:AllowTsig:0={KeyName}", $"--Transfer:NotifyTsig={KeyName}", "--Transfer:NotifyMinInterval=00:00:00.200",
            .. notifyPorts.Select((port, i) => $"--Transfer:Notify:{i}=127.0.0.1:{port}")]);
        info.Environment["MERIDIAN__Dns__SandboxListen__0"] = "off";
        var process = Process.Start(info)!;
        var log = new StringBuilder();
        var adminKey = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (log) log.AppendLine(line.Data);
            if (line.Data.StartsWith("mk_", StringComparison.Ordinal)) adminKey.TrySetResult(line.Data.Trim());
        };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (log) log.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
        var primary = new MeridianPrimary(process, client, log, directory, new IPEndPoint(IPAddress.Loopback, dnsPort), secret);
        foreach (var (name, keySecret) in secrets) primary.Secrets[name] = keySecret;
        try
        {
            string admin = await adminKey.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await primary.WaitUntilReadyAsync();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            var account = await primary.SendAsync(HttpMethod.Post, "/api/admin/accounts", """{"kind":"client","name":"transfers","email":"xfr@example.net"}""", 201);
            var key = await primary.SendAsync(HttpMethod.Post, $"/api/admin/accounts/{account.GetProperty("id").GetString()}/keys", """{"name":"tests"}""", 201);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.GetProperty("token").GetString());
            return primary;
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    private static string CreateKey(string directory, string[] flags)
    {
        var created = Run(["tsig", "create", .. flags, "--data", directory]);
        if (created.ExitCode != 0) throw new InvalidOperationException("meridian tsig create failed: " + created.Stderr);
        return created.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException("meridian serve exited:\n" + Log);
            try
            {
                using var ready = await _client.GetAsync("/readyz");
                if (ready.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("meridian serve did not become ready:\n" + Log);
    }

    /// <summary>Imports a zone file through the Client API; returns the domain's id.</summary>
    public async Task<string> ImportAsync(string zoneFile)
    {
        using var content = new StringContent(zoneFile, Encoding.UTF8, "text/plain");
        var imported = await SendAsync(HttpMethod.Post, "/api/client/import/bind", content, 201);
        return imported.GetProperty("domain").GetProperty("id").GetString()!;
    }

    /// <summary>Adds a record through the Client API.</summary>
    public Task AddRecordAsync(string domainId, string name, string type, string value) =>
        SendAsync(HttpMethod.Post, "/api/client/records",
            JsonSerializer.Serialize(new Dictionary<string, string> { ["domain_id"] = domainId, ["name"] = name, ["type"] = type, ["value"] = value }), 201);

    /// <summary>GETs a Client API path and returns its JSON.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, string json, int status) =>
        SendAsync(method, path, new StringContent(json, Encoding.UTF8, "application/json"), status);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent content, int status)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != status) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static ProcessStartInfo Dotnet(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(ExternalTool.Locate("dotnet")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "meridian.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> args)
    {
        using var process = Process.Start(Dotnet(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        finally
        {
            _process.Dispose();
            _client.Dispose();
            Directory.Delete(DataDirectory, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
