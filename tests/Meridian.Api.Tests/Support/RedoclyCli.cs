namespace Meridian.Api.Tests.Support;

/// <summary>Redocly's CLI at the version the issue names, installed by scripts/install-redocly.sh into tools/ (test.sh
/// runs it; a test that finds it missing runs it once). Telemetry is off for every run.</summary>
public static class RedoclyCli
{
    public const string Version = "2.77.0";

    private static readonly Dictionary<string, string> s_environment = new() { ["REDOCLY_TELEMETRY"] = "off" };
    private static readonly SemaphoreSlim s_install = new(1, 1);

    private static string Executable => Path.Combine(RepositoryFiles.Root, "tools", "node_modules", ".bin", "redocly");

    /// <summary><c>redocly lint</c> with the built-in recommended rules: exit code 0 when no file has an error.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(IEnumerable<string> files)
    {
        await EnsureInstalledAsync();
        return await ExternalTool.RunAsync(Executable, ["lint", "--format=stylish", .. files], s_environment, TimeSpan.FromMinutes(2));
    }

    /// <summary>Installs the CLI when it is not there; fails (never skips) when that is not possible.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await s_install.WaitAsync();
        try
        {
            if (File.Exists(Executable)) return;
            string script = Path.Combine(RepositoryFiles.Root, "scripts", "install-redocly.sh");
            var (exitCode, output) = await ExternalTool.RunAsync("bash", [script], s_environment, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0 && File.Exists(Executable),
                $"Redocly's CLI {Version} is not installed and scripts/install-redocly.sh could not install it (exit {exitCode}):\n{output}");
        }
        finally
        {
            s_install.Release();
        }
    }
}
