namespace Meridian.Dns.Server.Hosting;

/// <summary>EDNS Client Subnet handling (configuration section "Dns:Ecs").</summary>
public sealed class DnsEcsOptions
{
    /// <summary>False ignores every Client Subnet option: the packet's source address decides the location and no
    /// option is echoed.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Networks (CIDR, IPv4 or IPv6) whose Client Subnet options are used; from any other source the option
    /// is ignored. Empty: every source is trusted.</summary>
    public List<string> TrustedSources { get; init; } = [];
}
