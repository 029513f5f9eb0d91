using System.Diagnostics;
using System.Net;
using System.Text;
using Meridian.Interop.Tests.Peers;

namespace Meridian.Interop.Tests.Update;

/// <summary>Runs BIND's nsupdate with a script, as an operator would: <c>server</c>, <c>zone</c>, the given lines, <c>send</c>.</summary>
internal static class Nsupdate
{
    /// <param name="key">"hmac-sha256:NAME:SECRET" for -y, or null for an unsigned update.</param>
    /// <param name="overTcp">-v: send over TCP (nsupdate uses UDP otherwise).</param>
    public static (int ExitCode, string Output) Send(IPEndPoint server, string zone, string? key, bool overTcp, params string[] lines)
    {
        var info = new ProcessStartInfo(ExternalTool.Locate("nsupdate"))
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (overTcp) info.ArgumentList.Add("-v");
        if (key is not null)
        {
            info.ArgumentList.Add("-y");
            info.ArgumentList.Add(key);
        }
        var script = new StringBuilder();
        script.Append("server ").Append(server.Address).Append(' ').Append(server.Port).Append('\n');
        script.Append("zone ").Append(zone).Append('\n');
        foreach (var line in lines) script.Append(line).Append('\n');
        script.Append("send\n");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(script.ToString());
        process.StandardInput.Close();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nsupdate did not finish:\n" + script);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
