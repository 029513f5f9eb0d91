using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Following;

/// <summary>One `meridian serve` node of a fleet sharing a PostgreSQL database, as the real executable: an API node
/// (<c>--role all</c>) or an edge node (<c>--role edge</c>), with DNS on its own loopback address. It can be killed
/// and started again with the same settings (a node restarted mid-stream).</summary>
public sealed partial class FleetNode : IAsyncDisposable
{
    private readonly string _role;
    private readonly string _database;
    private readonly IPAddress _dnsAddress;
    private readonly IReadOnlyList<string> _settings;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meridian-fleet-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();
    private Process? _process;

    private FleetNode(string role, string database, IPAddress dnsAddress, IReadOnlyList<string> settings)
    {
        _role = role;
        _database = database;
        _dnsAddress = dnsAddress;
        _settings = settings;
    }

    public string Role => _role;

    /// <summary>What the node wrote to stdout and stderr (every start), for the test to show when it fails.</summary>
    public IEnumerable<string> Log => _log;

    public Uri BaseAddress { get; private set; } = null!;

    public IPEndPoint DnsEndpoint { get; private set; } = null!;

    /// <summary>The admin key an API node printed at the first start of the fleet's database (null otherwise).</summary>
    public string? AdminKey { get; private set; }

    /// <param name="settings">More configuration, "Section:Key=value" each.</param>
    public static async Task<FleetNode> StartAsync(string role, string database, IPAddress dnsAddress, IReadOnlyList<string>? settings = null)
    {
        var node = new FleetNode(role, database, dnsAddress, settings ?? []);
        try
        {
            await node.StartProcessAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the node at once (no clean shutdown) and starts it again with the same settings.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        int port = LoopbackPorts.Tcp();
        var info = new ProcessStartInfo(ExternalTool.Find("dotnet") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "meridian.dll"), "serve", "--role", _role, "--database", _database, "--data", _directory,
                     "--http", $"127.0.0.1:{port}", "--dns", $"{_dnsAddress}:0",
                 })
            info.ArgumentList.Add(arg);
        foreach (string setting in _settings) info.ArgumentList.Add("--" + setting);
        info.Environment["MERIDIAN__Dns__SandboxListen__0"] = "off";
        info.Environment["MERIDIAN__Dns__UdpWorkers"] = "1";
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x20000000";
        var adminKey = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dnsEndpoint = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null && !line.Data.StartsWith("mk_", StringComparison.Ordinal)) _log.Enqueue(line.Data);
            if (line.Data?.StartsWith("mk_", StringComparison.Ordinal) == true) adminKey.TrySetResult(line.Data.Trim());
            var listening = line.Data is null ? Match.Empty : DnsListeningLine().Match(line.Data);
            if (listening.Success) dnsEndpoint.TrySetResult(IPEndPoint.Parse(listening.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null) _log.Enqueue(line.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        // Edge nodes have no /readyz: live means loaded and listening.
        await WaitForStatusAsync(_role == "edge" ? "/healthz" : "/readyz");
        DnsEndpoint = await dnsEndpoint.Task.WaitAsync(TimeSpan.FromSeconds(10));
        if (adminKey.Task.IsCompleted) AdminKey = await adminKey.Task;
    }

    /// <summary>An API client for this node with <paramref name="token"/>.</summary>
    public ApiClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http);
    }

    private async Task WaitForStatusAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process!.HasExited, $"meridian serve --role {_role} exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"meridian serve --role {_role} did not answer {path} in 60 s");
    }

    public void Kill()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"DNS listening on (\S+) \(UDP and TCP\)")]
    private static partial Regex DnsListeningLine();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_role} node at {BaseAddress}, DNS {DnsEndpoint}");
}
