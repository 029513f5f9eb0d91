using System.Globalization;
using System.Text.RegularExpressions;

namespace Meridian.Interop.Tests.Peers;

/// <summary>A response as dig or kdig printed it: status, header flags, EDNS, and each section's records
/// normalized (owner and names lowercased, white space folded) so two servers' answers compare as sets.</summary>
internal sealed partial class DigResponse
{
    public string Status { get; private init; } = "";
    public SortedSet<string> Flags { get; } = new(StringComparer.Ordinal);
    public bool HasEdns { get; private set; }
    public int? EdnsUdpSize { get; private set; }

    /// <summary>The DO bit of the response's OPT (RFC 3225).</summary>
    public bool DnssecOk { get; private set; }

    /// <summary>The response carried a COOKIE option.</summary>
    public bool HasCookie { get; private set; }

    /// <summary>dig judged the returned cookie "good" (its client cookie came back).</summary>
    public bool CookieGood { get; private set; }

    /// <summary>Options of the response's OPT the tools show by number (options neither knows: echoed unknown ones), as
    /// <c>CODE=hex</c> whichever tool printed them.</summary>
    public List<string> OtherOptions { get; } = [];
    public List<string> Answer { get; } = [];
    public List<string> Authority { get; } = [];
    public List<string> Additional { get; } = [];
    public string Raw { get; private init; } = "";

    public bool Truncated => Flags.Contains("tc");

    public bool Authoritative => Flags.Contains("aa");

    [GeneratedRegex(@"status: ([A-Z0-9]+)")]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"[Ff]lags: ([a-z ]*);")]
    private static partial Regex FlagsPattern();

    [GeneratedRegex(@"[Uu][Dd][Pp](?: size)?: (\d+)")]
    private static partial Regex UdpSizePattern();

    public static DigResponse Parse(string output)
    {
        var status = StatusPattern().Match(output);
        var response = new DigResponse { Status = status.Success ? status.Groups[1].Value : "", Raw = output };
        List<string>? section = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith(";;", StringComparison.Ordinal) || line.StartsWith(';'))
            {
                var flags = FlagsPattern().Match(line);
                if (flags.Success && line.Contains("QUERY", StringComparison.Ordinal) && response.Flags.Count == 0)
                {
                    foreach (var f in flags.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) response.Flags.Add(f);
                }
                if (line.Contains("OPT PSEUDOSECTION", StringComparison.Ordinal) || line.Contains("EDNS PSEUDOSECTION", StringComparison.Ordinal)) response.HasEdns = true;
                var udp = UdpSizePattern().Match(line);
                if (udp.Success && response.HasEdns)
                {
                    response.EdnsUdpSize = int.Parse(udp.Groups[1].Value, CultureInfo.InvariantCulture);
                    // dig: "; EDNS: version: 0, flags: do; udp: 1232"; kdig: "; Version: 0; flags: do; UDP size: 1232 B; ..."
                    var ednsFlags = FlagsPattern().Match(line);
                    response.DnssecOk = ednsFlags.Success && ednsFlags.Groups[1].Value.Split(' ').Contains("do");
                }
                // dig writes "; COOKIE: … (good)" and "; OPT=65001: …", kdig the same after ";;".
                string option = line.TrimStart(';').Trim();
                if (response.HasEdns && option.StartsWith("COOKIE:", StringComparison.Ordinal))
                {
                    response.HasCookie = true;
                    response.CookieGood = option.Contains("(good)", StringComparison.Ordinal);
                }
                if (response.HasEdns && NumberedOption(option) is { } numbered) response.OtherOptions.Add(numbered);
                section = line switch
                {
                    _ when line.Contains("ANSWER SECTION", StringComparison.Ordinal) => response.Answer,
                    _ when line.Contains("AUTHORITY SECTION", StringComparison.Ordinal) => response.Authority,
                    _ when line.Contains("ADDITIONAL SECTION", StringComparison.Ordinal) => response.Additional,
                    _ when line.Contains("SECTION", StringComparison.Ordinal) => null,
                    _ => section,
                };
                continue;
            }
            section?.Add(Normalize(line));
        }
        return response;
    }

    /// <summary>An option line that shows an option by its code, as <c>CODE=hex</c> (lowercase, no spaces), or null.
    /// dig 9.18 prints <c>OPT=65001: ab cd ("..")</c>, kdig 3.2 <c>Option (65001): ABCD</c>; the same option must read
    /// the same from both, or a differential run with one tool could not see what the other server echoed.</summary>
    internal static string? NumberedOption(string line)
    {
        var match = DigOption().Match(line);
        if (!match.Success) match = KdigOption().Match(line);
        if (!match.Success) return null;
        string hex = WhiteSpace().Replace(match.Groups["hex"].Value, "").ToLowerInvariant();
        return match.Groups["code"].Value + "=" + hex;
    }

    // dig: OPT=65001: ab cd ("..") — hex bytes separated by spaces, then the bytes as text in parentheses.
    [GeneratedRegex(@"^OPT=(?<code>\d+):(?<hex>(?:\s*[0-9a-fA-F]{2})*)\s*(?:\(.*\))?$")]
    private static partial Regex DigOption();

    // kdig: "Option (65001): ABCD" — the bytes as one hex string, empty for an empty option.
    [GeneratedRegex(@"^Option \((?<code>\d+)\):\s*(?<hex>[0-9a-fA-F]*)\s*$")]
    private static partial Regex KdigOption();

    /// <summary>Folds white space and lowercases everything except quoted text (TXT data keeps its case).</summary>
    private static string Normalize(string record)
    {
        var parts = WhiteSpace().Split(record.Trim());
        for (int i = 0; i < parts.Length; i++)
        {
            if (!parts[i].Contains('"', StringComparison.Ordinal)) parts[i] = parts[i].ToLowerInvariant();
        }
        return string.Join(' ', parts);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>What a differential comparison looks at: rcode, flags, EDNS presence, size and DO bit, options echoed
    /// by number, and each section as a sorted multiset of records. Not the COOKIE: Knot answers cookies only with its
    /// cookies module, whose policy (BADCOOKIE to every client without a server cookie) is not a default for an
    /// authoritative server; DigAndKdigTests checks Meridian's cookies.</summary>
    public string Summary()
    {
        static string Section(List<string> records) => string.Join("\n    ", records.Order(StringComparer.Ordinal));
        return $"status={Status} flags=[{string.Join(' ', Flags)}] edns={HasEdns}/{EdnsUdpSize} do={DnssecOk} "
            + $"options=[{string.Join(", ", OtherOptions)}]\n  answer:\n    {Section(Answer)}\n  authority:\n    {Section(Authority)}\n  additional:\n    {Section(Additional)}";
    }

    /// <summary>The same without the additional section, for servers that leave optional additional data out.</summary>
    public string SummaryWithoutAdditional() => Summary().Split("\n  additional:")[0];
}
