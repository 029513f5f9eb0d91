using System.Diagnostics;

namespace Meridian.Server.Tests.Support;

/// <summary>Runs the real <c>meridian serve</c> of a build (this test project's output by default) where it is expected
/// to refuse to start, and gives its exit code and output; a server that starts anyway is killed after a minute and the
/// test fails with the message it is given.</summary>
internal static class ServeThatStops
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string dataDirectory, IEnumerable<string> settings, string startedAnyway,
        string? buildDirectory = null, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dataDirectory,
        };
        foreach (string arg in new[] { Path.Combine(buildDirectory ?? AppContext.BaseDirectory, "meridian.dll"), "serve", "--data", dataDirectory,
                     "--http", "127.0.0.1:1", "--dns", "127.0.0.1:0", "--Dns:SandboxListen=off" }.Concat(settings))
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? []) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(startedAnyway);
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
