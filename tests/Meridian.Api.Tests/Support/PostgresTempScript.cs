using System.Diagnostics;

namespace Meridian.Api.Tests.Support;

/// <summary>Runs the repository's scripts/postgres-temp.sh (start, stop, stop-server, start-server) for a test's
/// throw-away PostgreSQL server.</summary>
public static class PostgresTempScript
{
    /// <summary>Runs <c>postgres-temp.sh VERB DIRECTORY</c> and returns what it printed on stdout.</summary>
    public static async Task<string> RunAsync(string verb, string directory)
    {
        string script = Path.Combine(RepositoryRoot(), "scripts", "postgres-temp.sh");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresServer.EnvironmentVariable} (a connection string of a user that may CREATE DATABASE) or {script}");
        }
        var start = new ProcessStartInfo("bash", [script, verb, directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"postgres-temp.sh {verb} failed: {await stderr}");
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Meridian.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (Meridian.sln) not found above " + AppContext.BaseDirectory);
    }
}
