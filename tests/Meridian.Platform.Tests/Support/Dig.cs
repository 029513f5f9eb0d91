using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Meridian.Platform.Tests.Support;

/// <summary>Asks a DNS server with BIND's <c>dig</c>, as an operator checking a change would: one try, two seconds,
/// the server's address and port given explicitly.</summary>
public static partial class Dig
{
    /// <summary>The answers' data, one per line (<c>+short</c>), sorted.</summary>
    public static async Task<IReadOnlyList<string>> ShortAsync(IPEndPoint server, string name, string type, params string[] options)
    {
        string output = await RunAsync(server, [.. options, "+short", name, type]);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
    }

    /// <summary>The response code and answer section (for AXFR: every record the transfer carried).</summary>
    public static async Task<DigAnswer> QueryAsync(IPEndPoint server, string name, string type, params string[] options)
    {
        string output = await RunAsync(server, [.. options, "+noall", "+comments", "+answer", name, type]);
        var answers = new List<DigRecord>();
        foreach (string line in output.Split('\n'))
        {
            if (line.Length == 0 || line[0] == ';') continue;
            // "owner TTL IN TYPE data": dig separates the first four with tabs, the data keeps its spaces.
            var fields = line.Split((char[]?)null, 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 5)
                answers.Add(new DigRecord(fields[0], uint.Parse(fields[1], CultureInfo.InvariantCulture), fields[3], fields[4].Trim()));
        }
        // A refused transfer prints no header, only "; Transfer failed.".
        var status = StatusPattern().Match(output);
        string rcode = status.Success ? status.Groups[1].Value : output.Contains("; Transfer failed.", StringComparison.Ordinal) ? "TRANSFER-FAILED" : "";
        Assert.True(rcode.Length > 0, $"dig {name} {type}: no response code in\n{output}");
        return new DigAnswer(rcode, answers);
    }

    private static async Task<string> RunAsync(IPEndPoint server, IEnumerable<string> queryArgs)
    {
        var info = new ProcessStartInfo("dig") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = ["@" + server.Address, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+tries=1", "+time=2", .. queryArgs];
        foreach (string arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("dig is not installed (Debian package dnsutils; ./test.sh installs it)", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            string output = await stdout;
            Assert.True(process.ExitCode == 0, $"dig {string.Join(' ', args)} exited {process.ExitCode}:\n{output}{await stderr}");
            return output;
        }
    }

    [GeneratedRegex(@"status: ([A-Z]+)")]
    private static partial Regex StatusPattern();
}

/// <summary>What dig printed: the response code and the answer records.</summary>
public sealed record DigAnswer(string Status, IReadOnlyList<DigRecord> Answers);

/// <summary>One answer line: owner, TTL, type, data as dig prints it.</summary>
public sealed record DigRecord(string Name, uint Ttl, string Type, string Data)
{
    public override string ToString() => $"{Name} {Ttl} {Type} {Data}";
}
