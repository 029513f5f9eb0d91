using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Meridian.Api.Tests.Support;

/// <summary>The real `meridian` executable as a child process on a fresh SQLite directory, with one client
/// account made through its admin API with the key it prints on first start. For requests whose failure mode is runaway work: the process
/// can be killed, which stops that work, where a thread inside the test process could not be.</summary>
public sealed partial class MeridianProcess : IAsyncDisposable
{
    private readonly Process _process;

    private MeridianProcess(Process process, string directory, Uri baseAddress)
    {
        _process = process;
        DataDirectory = directory;
        BaseAddress = baseAddress;
    }

    public string DataDirectory { get; }

    /// <summary>Every line the child wrote to stdout so far.</summary>
    public IReadOnlyCollection<string> StandardOutput => _stdout;

    /// <summary>Every line the child wrote to stderr so far.</summary>
    public IReadOnlyCollection<string> StandardError => _stderr;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stdout = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _stderr = new();

    public Uri BaseAddress { get; }

    public string ClientToken { get; private set; } = "";

    /// <summary>The admin key the child gave on its first start (printed, or with JSON logs written to a file).</summary>
    public string AdminToken { get; private set; } = "";

    public int ProcessId => _process.Id;

    /// <summary>The DNS server's endpoint (UDP and TCP), as the child logged it when it started listening.</summary>
    public IPEndPoint DnsEndpoint { get; private set; } = null!;

    public bool HasExited => _process.HasExited;

    /// <param name="inDataDirectory">Run with the data directory as the working directory (the process's content
    /// root), as bench/api-load.sh and a service unit with WorkingDirectory= do.</param>
    /// <param name="settings">More configuration, "Section:Key=value" each.</param>
    /// <param name="descriptorLimit">Start under this open-file limit (soft and hard), with util-linux prlimit.</param>
    /// <param name="executable">Another meridian.dll (a published build) instead of the one beside the tests.</param>
    /// <param name="existingDirectory">A data directory that holds a database already (a restored backup): no admin key
    /// is printed, so no client account is made.</param>
    /// <param name="environment">More environment variables of the child.</param>
    public static async Task<MeridianProcess> StartAsync(bool inDataDirectory = false, IReadOnlyList<string>? settings = null, int? descriptorLimit = null,
        string? executable = null, string? existingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        string directory = existingDirectory ?? Path.Combine(Path.GetTempPath(), "meridian-api-child-" + Guid.NewGuid().ToString("N")[..12]);
        int port = LoopbackPorts.Tcp();
        string dotnet = ExternalTool.Find("dotnet") ?? "dotnet";
        var info = new ProcessStartInfo(descriptorLimit is null ? dotnet : ExternalTool.Find("prlimit") ?? "prlimit")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (inDataDirectory)
        {
            Directory.CreateDirectory(directory);
            info.WorkingDirectory = directory;
        }
        // prlimit executes the command in its own process, so the child's id stays that of meridian.
        if (descriptorLimit is int limit)
        {
            info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--nofile={limit}:{limit}"));
            info.ArgumentList.Add(dotnet);
        }
        foreach (string arg in new[] { executable ?? Executable, "serve", "--data", directory, "--http", $"127.0.0.1:{port}", "--dns", "127.0.0.1:0" })
            info.ArgumentList.Add(arg);
        foreach (string setting in settings ?? []) info.ArgumentList.Add("--" + setting);
        // A ceiling on the heap: runaway work fails inside the child instead of exhausting the machine.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x30000000";
        // The sandbox DNS listener on a port of the system's choosing, so children never collide on 5301.
        info.Environment["MERIDIAN__Dns__SandboxListen__0"] = "127.0.0.1:0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info)!;
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var child = new MeridianProcess(process, directory, baseAddress);
        // The first start prints the admin key alone on a line (with JSON logs: writes it to a file and logs where); it
        // makes the client account below.
        var adminKey = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dnsEndpoint = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            child._stdout.Enqueue(line.Data);
            if (line.Data.StartsWith("mk_", StringComparison.Ordinal)) adminKey.TrySetResult(line.Data.Trim());
            if (line.Data.Contains("/initial-admin-key", StringComparison.Ordinal))
                adminKey.TrySetResult(File.ReadAllText(Path.Combine(directory, "initial-admin-key")).Trim());
            var listening = DnsListeningLine().Match(line.Data);
            if (listening.Success) dnsEndpoint.TrySetResult(IPEndPoint.Parse(listening.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null) child._stderr.Enqueue(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child.WaitUntilReadyAsync();
            if (existingDirectory is not null)
            {
                child.DnsEndpoint = await dnsEndpoint.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return child;
            }
            child.AdminToken = await adminKey.Task.WaitAsync(TimeSpan.FromSeconds(10));
            child.ClientToken = await CreateClientAsync(baseAddress, child.AdminToken);
            child.DnsEndpoint = await dnsEndpoint.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new partner account's first key, made through the admin API.</summary>
    public Task<string> CreatePartnerKeyAsync() => CreateClientAsync(BaseAddress, AdminToken, "partner");

    private static async Task<string> CreateClientAsync(Uri baseAddress, string adminToken, string kind = "client")
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
        using var account = await http.PostAsync("/api/admin/accounts",
            ApiClient.Json($$"""{"kind":"{{kind}}","name":"child-{{kind}}","email":"child-{{kind}}@example.net"}"""));
        string id = (await ReadAsync(account, 201)).GetProperty("id").GetString()!;
        using var key = await http.PostAsync($"/api/admin/accounts/{id}/keys", ApiClient.Json("""{"name":"tests"}"""));
        return (await ReadAsync(key, 201)).GetProperty("token").GetString()!;
    }

    private static async Task<System.Text.Json.JsonElement> ReadAsync(HttpResponseMessage response, int status)
    {
        string body = await response.Content.ReadAsStringAsync();
        return new ApiResponse((int)response.StatusCode, body, null, null).Expect(status);
    }

    /// <summary>How many zones and records the child's database holds.</summary>
    public async Task<(int Zones, int Records)> CountStoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataDirectory, "meridian.db")};Pooling=False");
        await connection.OpenAsync();
        return (await CountAsync(connection, "zones"), await CountAsync(connection, "records"));
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM " + table;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stops the child at once, whatever it is doing.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "meridian.dll");

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // A first start migrates a new database: 20 s and more when the machine is loaded (shared CI, parallel builds).
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"meridian serve exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or still too busy starting to answer within the poll's 2 s
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("meridian serve did not become ready in 90 s");
    }

    /// <summary>The host's start-up line "DNS listening on 127.0.0.1:PORT (UDP and TCP)".</summary>
    [GeneratedRegex(@"DNS listening on (\S+) \(UDP and TCP\)")]
    private static partial Regex DnsListeningLine();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"meridian serve at {BaseAddress} (pid {_process.Id})");
}
