using System.Diagnostics;

namespace Meridian.Client.Tests.Support;

/// <summary>Asks the fixture's DNS server with BIND's <c>dig</c>, as a user checking a change would.</summary>
internal static class Dig
{
    /// <summary>The answers' data (<c>+short</c>), sorted.</summary>
    public static async Task<IReadOnlyList<string>> ShortAsync(string host, int port, string name, string type)
    {
        var start = new ProcessStartInfo("dig", [$"@{host}", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "+short", "+time=2", "+tries=2", name, type])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var dig = Process.Start(start) ?? throw new InvalidOperationException("dig is not installed (apt-get install -y bind9-dnsutils)");
        var output = await dig.StandardOutput.ReadToEndAsync();
        await dig.WaitForExitAsync();
        if (dig.ExitCode != 0) throw new InvalidOperationException($"dig exited {dig.ExitCode}: {await dig.StandardError.ReadToEndAsync()}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
    }

    /// <summary>Asks until the answer is <paramref name="expected"/>: a change reaches the DNS server a moment after
    /// the API answers. Returns the last answer (the caller asserts it).</summary>
    public static async Task<IReadOnlyList<string>> UntilAsync(string host, int port, string name, string type, params string[] expected)
    {
        IReadOnlyList<string> answer = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            answer = await ShortAsync(host, port, name, type);
            if (answer.SequenceEqual(expected.Order(StringComparer.Ordinal))) break;
            await Task.Delay(100);
        }
        return answer;
    }
}
