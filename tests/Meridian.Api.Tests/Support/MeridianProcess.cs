using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Api.Tests.Support;

/// <summary>The real `meridian` executable as a child process on a fresh SQLite directory, with one client
/// account made by `meridian accounts create`. For requests whose failure mode is runaway work: the process
/// can be killed, which stops that work, where a thread inside the test process could not be.</summary>
public sealed class MeridianProcess : IAsyncDisposable
{
    private readonly Process _process;

    private MeridianProcess(Process process, string directory, Uri baseAddress, string clientToken)
    {
        _process = process;
        DataDirectory = directory;
        BaseAddress = baseAddress;
        ClientToken = clientToken;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public string ClientToken { get; }

    public static async Task<MeridianProcess> StartAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-api-child-" + Guid.NewGuid().ToString("N")[..12]);
        var (exitCode, output) = await ExternalTool.RunAsync("dotnet",
            [Executable, "accounts", "create", "--kind", "client", "--name", "child", "--email", "child@example.net", "--data", directory]);
        Assert.True(exitCode == 0, "meridian accounts create failed: " + output);
        string token = output.Trim().Split('\n')[^1].Trim();

        int port = FreeTcpPort();
        var info = new ProcessStartInfo(ExternalTool.Find("dotnet") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (string arg in new[] { Executable, "serve", "--data", directory, "--http", $"127.0.0.1:{port}", "--dns", "127.0.0.1:0" })
            info.ArgumentList.Add(arg);
        // A ceiling on the heap: runaway work fails inside the child instead of exhausting the machine.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x30000000";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new MeridianProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"), token);
        await child.WaitUntilReadyAsync();
        return child;
    }

    /// <summary>How many zones and records the child's database holds.</summary>
    public async Task<(int Zones, int Records)> CountStoredAsync()
    {
        var database = new PlatformDatabase(new StorageOptions { Sqlite = $"Data Source={Path.Combine(DataDirectory, "meridian.db")};Pooling=False" });
        await using var db = database.CreateContext();
        return (await db.Zones.CountAsync(), await db.Records.CountAsync());
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
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, $"meridian serve exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("meridian serve did not become ready in 30 s");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"meridian serve at {BaseAddress} (pid {_process.Id})");
}
