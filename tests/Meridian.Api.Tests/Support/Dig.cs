using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Meridian.Api.Tests.Support;

/// <summary>Asks the DNS server with Debian's <c>dig</c>, as an operator would: one UDP query, no retries.</summary>
public static partial class Dig
{
    public static async Task<DigAnswer> QueryAsync(IPEndPoint server, string name, string type)
    {
        string[] args =
        [
            "@" + server.Address, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+norecurse", "+nocookie",
            "+time=2", "+tries=1", "+noall", "+comments", "+answer", "+authority", name, type,
        ];
        var (exitCode, output) = await ExternalTool.RunAsync("dig", args);
        var status = StatusPattern().Match(output);
        Assert.True(exitCode == 0 && status.Success, $"dig {string.Join(' ', args)} failed ({exitCode}):\n{output}");
        var answers = new List<DigRecord>();
        var authority = new List<DigRecord>();
        var section = answers;
        foreach (string line in output.Split('\n'))
        {
            if (line.StartsWith(";; AUTHORITY SECTION", StringComparison.Ordinal)) section = authority;
            if (line.Length == 0 || line[0] == ';') continue;
            var fields = line.Split((char[]?)null, 5, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 5)
                section.Add(new DigRecord(fields[0], uint.Parse(fields[1], CultureInfo.InvariantCulture), fields[3], fields[4].Trim()));
        }
        return new DigAnswer(status.Groups[1].Value, answers, authority, output);
    }

    [GeneratedRegex(@"status: ([A-Z]+)")]
    private static partial Regex StatusPattern();
}

/// <summary>What dig printed: the response code, the answer and the authority sections.</summary>
public sealed record DigAnswer(string Status, IReadOnlyList<DigRecord> Answers, IReadOnlyList<DigRecord> Authority, string Output)
{
    /// <summary>The data of the answers of <paramref name="type"/>, sorted.</summary>
    public IReadOnlyList<string> Data(string type) =>
        [.. Answers.Where(a => a.Type == type).Select(a => a.Data).Order(StringComparer.Ordinal)];

    /// <summary>The SOA serial in the answer (query type SOA).</summary>
    public uint SoaSerial => uint.Parse(Data("SOA").Single().Split(' ')[2], CultureInfo.InvariantCulture);
}

/// <summary>One answer line: owner, TTL, type, data.</summary>
public sealed record DigRecord(string Name, uint Ttl, string Type, string Data);
