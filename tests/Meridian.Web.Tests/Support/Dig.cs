using System.Diagnostics;

namespace Meridian.Web.Tests.Support;

/// <summary>Runs the real <c>dig</c> against Meridian's DNS listener.</summary>
internal static class Dig
{
    /// <summary>The answers' data (<c>+short</c>), sorted.</summary>
    public static async Task<IReadOnlyList<string>> ShortAsync(int port, string name, string type)
    {
        string dig = new[] { "/usr/bin/dig", "/bin/dig" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("dig is not installed: install Debian's dnsutils package (./test.sh does)");
        var info = new ProcessStartInfo(dig) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "@127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), name, type, "+short", "+norecurse", "+time=3", "+tries=2" })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dig {name} {type} failed ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
    }
}
