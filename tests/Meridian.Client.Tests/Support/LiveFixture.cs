using System.Diagnostics;
using System.Text.Json;

namespace Meridian.Client.Tests.Support;

/// <summary>The shared SDK fixture (<c>sdk/fixture/start.sh</c>): the real <c>meridian serve</c>, the Cloudflare
/// stand-in and a rate-limited server, started once for every live test and stopped by closing its standard input.</summary>
public sealed class LiveFixture : IAsyncLifetime
{
    private Process? process;

    /// <summary>The fixture's one line of JSON.</summary>
    public JsonElement Info { get; private set; }

    public Uri BaseUrl => Url("baseUrl");

    /// <summary>The client account's Client API key: the fixture's, until a test rotates it (the live tests run one
    /// after another, so the next one reads the new key here).</summary>
    public string ClientKey
    {
        get => rotatedClientKey ?? Text("client", "apiKey");
        set => rotatedClientKey = value;
    }

    private string? rotatedClientKey;

    public Uri SandboxBaseUrl => Url("sandboxBaseUrl");

    public string Text(params string[] path)
    {
        var element = Info;
        foreach (var name in path) element = element.GetProperty(name);
        return element.ValueKind == JsonValueKind.Number ? element.GetRawText() : element.GetString()!;
    }

    public Uri Url(params string[] path) => new(Text(path));

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "Meridian.sln"))) return directory.FullName;
            throw new InvalidOperationException($"No Meridian.sln above {AppContext.BaseDirectory}.");
        }
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot, "sdk", "fixture", "start.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, line) => { lock (errors) errors.AppendLine(line.Data); };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (line is null)
        {
            await process.WaitForExitAsync();
            lock (errors) throw new InvalidOperationException($"sdk/fixture/start.sh ended without its JSON line (exit {process.ExitCode}):\n{errors}");
        }
        Info = JsonDocument.Parse(line).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        if (process is null) return;
        process.StandardInput.Close();   // the fixture's signal to stop everything it started
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveFixture>
{
    public const string Name = "live Meridian";
}
