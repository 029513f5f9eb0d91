using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Meridian.Api.Tests.Support;

/// <summary>Asks the DNS server with Debian's <c>dig</c> (or Knot's <c>kdig</c>, which takes the same options used
/// here), as an operator would: one UDP query, no retries.</summary>
public static partial class Dig
{
    private static readonly string[] s_digOutput = ["+time=2", "+tries=1", "+noall", "+comments", "+answer", "+authority"];
    // kdig spells the limits differently and prints the header and OPT sections only when asked.
    private static readonly string[] s_kdigOutput = ["+timeout=2", "+retry=0", "+noall", "+header", "+opt", "+comments", "+answer", "+authority"];

    /// <param name="options">More query options, e.g. <c>+subnet=198.51.100.0/24</c>.</param>
    public static Task<DigAnswer> QueryAsync(IPEndPoint server, string name, string type, params string[] options) =>
        QueryWithAsync("dig", server, name, type, options);

    public static async Task<DigAnswer> QueryWithAsync(string program, IPEndPoint server, string name, string type, params string[] options)
    {
        string[] args =
        [
            "@" + server.Address, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "+norecurse", "+nocookie",
            .. program == "kdig" ? s_kdigOutput : s_digOutput, .. options, name, type,
        ];
        var (exitCode, output) = await ExternalTool.RunAsync(program, args);
        var status = StatusPattern().Match(output);
        Assert.True(exitCode == 0 && status.Success, $"{program} {string.Join(' ', args)} failed ({exitCode}):\n{output}");
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
        var subnet = ClientSubnetPattern().Match(output);
        return new DigAnswer(status.Groups[1].Value, answers, authority, output, subnet.Success ? subnet.Groups[1].Value : null);
    }

    // dig prints "status: NOERROR", kdig "status: NOERROR" too (in its header line).
    [GeneratedRegex(@"status: ([A-Z]+)")]
    private static partial Regex StatusPattern();

    // dig: "; CLIENT-SUBNET: 198.51.100.0/24/24"; kdig: ";; CLIENT-SUBNET: 198.51.100.0/24/24".
    [GeneratedRegex(@"CLIENT-SUBNET: (\S+)")]
    private static partial Regex ClientSubnetPattern();
}

/// <summary>What dig printed: the response code, the answer and the authority sections, and the echoed Client Subnet
/// ("ADDRESS/SOURCE/SCOPE", null when the response carried none).</summary>
public sealed record DigAnswer(string Status, IReadOnlyList<DigRecord> Answers, IReadOnlyList<DigRecord> Authority, string Output,
    string? ClientSubnet = null)
{
    /// <summary>The data of the answers of <paramref name="type"/>, sorted.</summary>
    public IReadOnlyList<string> Data(string type) =>
        [.. Answers.Where(a => a.Type == type).Select(a => a.Data).Order(StringComparer.Ordinal)];

    /// <summary>The SOA serial in the answer (query type SOA).</summary>
    public uint SoaSerial => uint.Parse(Data("SOA").Single().Split(' ')[2], CultureInfo.InvariantCulture);
}

/// <summary>One answer line: owner, TTL, type, data.</summary>
public sealed record DigRecord(string Name, uint Ttl, string Type, string Data);
