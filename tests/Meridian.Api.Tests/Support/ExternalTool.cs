using System.Diagnostics;

namespace Meridian.Api.Tests.Support;

/// <summary>Runs a program a user would run (dig, named-checkzone, kzonecheck) and captures its output.</summary>
public static class ExternalTool
{
    private static readonly string[] s_extraDirectories = ["/usr/sbin", "/sbin", "/usr/bin"];

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(s_extraDirectories)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args)
    {
        string path = Find(program) ?? throw new InvalidOperationException($"{program} is not installed");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 30 s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
