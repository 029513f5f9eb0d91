using System.ComponentModel.DataAnnotations;
using System.Net;
using Meridian.Dns.Names;

namespace Meridian.Platform.Transfer;

/// <summary>Zone transfer and NOTIFY (configuration section "Transfer"). Each list may be replaced per zone through
/// the admin API (<see cref="Model.ZoneTransferSettings"/>).</summary>
public sealed class TransferOptions : IValidatableObject
{
    public const string Section = "Transfer";

    /// <summary>CIDRs (or single addresses) that may transfer every zone without TSIG. Default: none.</summary>
    public List<string> Allow { get; init; } = [];

    /// <summary>TSIG key names that may transfer every zone.</summary>
    public List<string> AllowTsig { get; init; } = [];

    /// <summary>Secondaries (<c>ADDR:PORT</c>) sent a NOTIFY for every zone after each change.</summary>
    public List<string> Notify { get; init; } = [];

    /// <summary>The TSIG key NOTIFY messages are signed with; none: unsigned.</summary>
    public string? NotifyTsig { get; init; }

    /// <summary>How long to wait for a NOTIFY to be acknowledged before sending it again (doubling up to a minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan NotifyRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>At most one NOTIFY per zone and secondary in this time; changes in between are announced together.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan NotifyMinInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long this process trusts the TSIG keys and per-zone settings it read; changes made in this process
    /// apply at once, those of the CLI or another node within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RevalidateAfter { get; init; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var item in Allow)
            if (!IPNetwork.TryParse(item, out _) && !IPAddress.TryParse(item, out _))
                yield return new ValidationResult($"Transfer:Allow: '{item}' is not an address or CIDR", [nameof(Allow)]);
        foreach (var item in AllowTsig)
            if (!DnsName.TryParseUserInput(item, out _, out _))
                yield return new ValidationResult($"Transfer:AllowTsig: '{item}' is not a key name", [nameof(AllowTsig)]);
        if (NotifyTsig is not null && !DnsName.TryParseUserInput(NotifyTsig, out _, out _))
            yield return new ValidationResult($"Transfer:NotifyTsig: '{NotifyTsig}' is not a key name", [nameof(NotifyTsig)]);
        foreach (var item in Notify)
            if (!TransferTargets.TryParseEndpoint(item, out _))
                yield return new ValidationResult($"Transfer:Notify: '{item}' is not ADDR:PORT", [nameof(Notify)]);
    }
}

/// <summary>Parsing of the address lists transfer settings hold.</summary>
public static class TransferTargets
{
    /// <summary>"192.0.2.1:53", "[2001:db8::1]:53", or a bare address (port 53).</summary>
    public static bool TryParseEndpoint(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (IPAddress.TryParse(text, out var bare))
        {
            endpoint = new IPEndPoint(bare, 53);
            return true;
        }
        if (!IPEndPoint.TryParse(text, out var parsed) || parsed.Port == 0) return false;
        endpoint = parsed;
        return true;
    }

    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPNetwork.TryParse(text, out network)) return true;
        if (!IPAddress.TryParse(text, out var address)) return false;
        network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    /// <summary>A key name as stored: lowercase, absolute.</summary>
    public static bool TryNormalizeName(string text, out string name)
    {
        name = "";
        if (!DnsName.TryParseUserInput(text, out var parsed, out _)) return false;
        name = parsed.ToLower().ToString();
        return true;
    }
}
