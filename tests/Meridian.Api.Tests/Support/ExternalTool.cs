using System.Diagnostics;

namespace Meridian.Api.Tests.Support;

/// <summary>Runs a program a user would run (dig, named-checkzone, kzonecheck, Redocly's CLI) and captures its output.</summary>
public static class ExternalTool
{
    private static readonly string[] s_extraDirectories = ["/usr/sbin", "/sbin", "/usr/bin"];

    /// <summary>The program's full path, or null when it is not installed.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(s_extraDirectories)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    /// <summary>Runs <paramref name="program"/> (a name on PATH, or a full path) to its end, within
    /// <paramref name="timeout"/> (default 30 s), with <paramref name="environment"/> added to this process's.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> args,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        string path = Find(program) ?? throw new InvalidOperationException($"{program} is not installed");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {limit.TotalSeconds:0} s");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
