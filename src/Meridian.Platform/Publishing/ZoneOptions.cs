namespace Meridian.Platform.Publishing;

/// <summary>Zone-wide settings (configuration section "Zones"): the apex SOA and NS records the platform
/// serves for every zone (our own nameservers, never the ones a customer imports) and the Public Suffix
/// List that zone names are checked against.</summary>
public sealed class ZoneOptions
{
    /// <summary>The platform's nameservers; the first is the SOA MNAME.</summary>
    public List<string> Nameservers { get; set; } = ["ns1.meridian.invalid.", "ns2.meridian.invalid."];

    /// <summary>The SOA RNAME, as a name ("hostmaster.example.net.").</summary>
    public string Hostmaster { get; set; } = "hostmaster.meridian.invalid.";

    public int Refresh { get; set; } = 7200;

    public int Retry { get; set; } = 3600;

    public int Expire { get; set; } = 1_209_600;

    /// <summary>SOA MINIMUM: how long resolvers cache a "no such name" (RFC 2308).</summary>
    public int NegativeTtl { get; set; } = 300;

    public int SoaTtl { get; set; } = 3600;

    public int NsTtl { get; set; } = 86_400;

    /// <summary>The Public Suffix List file (Debian's <c>publicsuffix</c> package by default).</summary>
    public string PublicSuffixListPath { get; set; } = Meridian.Platform.Naming.PublicSuffixList.DebianPath;

    /// <summary>The problems found (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Nameservers.Count == 0) problems.Add("Zones:Nameservers must name at least one nameserver");
        foreach (string ns in Nameservers)
        {
            if (!Meridian.Dns.Names.DnsName.TryParseUserInput(ns, out _, out string? error)) problems.Add($"Zones:Nameservers: '{ns}': {error}");
        }
        if (!Meridian.Dns.Names.DnsName.TryParseUserInput(Hostmaster, out _, out string? hostmasterError))
            problems.Add($"Zones:Hostmaster: '{Hostmaster}': {hostmasterError}");
        if (!File.Exists(PublicSuffixListPath))
            problems.Add($"Zones:PublicSuffixListPath: no Public Suffix List at {PublicSuffixListPath}; install Debian's publicsuffix package or name a copy of public_suffix_list.dat");
        foreach (var (name, value) in new[] { ("Refresh", Refresh), ("Retry", Retry), ("Expire", Expire), ("NegativeTtl", NegativeTtl), ("SoaTtl", SoaTtl), ("NsTtl", NsTtl) })
        {
            if (value < 0) problems.Add($"Zones:{name} must not be negative");
        }
        return problems;
    }
}
