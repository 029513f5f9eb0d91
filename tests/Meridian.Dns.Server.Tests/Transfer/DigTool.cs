using System.Diagnostics;
using System.Net;

namespace Meridian.Dns.Server.Tests.Transfer;

/// <summary>Runs BIND's dig (or Knot's kdig) against a test server. Missing tools fail the test by name.</summary>
internal static class DigTool
{
    public static string Run(string program, IPEndPoint server, params string[] args)
    {
        string path = new[] { "/usr/bin", "/usr/sbin", "/bin" }.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{program} is not installed (./test.sh installs dnsutils and knot-dnsutils)");
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("@" + server.Address);
        info.ArgumentList.Add("-p");
        info.ArgumentList.Add(server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish");
        }
        return stdout.Result + stderr.Result;
    }
}
