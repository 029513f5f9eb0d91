using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Meridian.Dns.Server.Answering;

/// <summary>Whose EDNS Client Subnet options decide a client's location: nobody's, everyone's, or only those
/// sent from trusted networks (the resolvers an operator knows). An ignored option is treated as absent
/// (RFC 7871 §7.1.1: a server that does not use ECS answers as if the option were not there).</summary>
public sealed class EcsPolicy
{
    private readonly bool _enabled;
    private readonly (UInt128 Network, UInt128 Mask)[] _trusted;   // IPv4 as IPv4-mapped IPv6

    private EcsPolicy(bool enabled, (UInt128, UInt128)[] trusted)
    {
        _enabled = enabled;
        _trusted = trusted;
    }

    /// <summary>ECS from any source decides the location (the default).</summary>
    public static EcsPolicy TrustEveryone { get; } = new(true, []);

    /// <summary>ECS never decides; the packet's source address does, and no option is echoed.</summary>
    public static EcsPolicy Disabled { get; } = new(false, []);

    /// <summary>Builds a policy; <paramref name="trustedSources"/> empty trusts every source. Fails on a bad CIDR.</summary>
    public static bool TryCreate(bool enabled, IEnumerable<string> trustedSources, [NotNullWhen(true)] out EcsPolicy? policy,
        [NotNullWhen(false)] out string? error)
    {
        policy = null;
        var trusted = new List<(UInt128, UInt128)>();
        foreach (string text in trustedSources)
        {
            if (!IPNetwork.TryParse((text ?? "").Trim(), out var network))
            {
                error = $"Dns:Ecs:TrustedSources: \"{text}\" is not a network (ADDRESS/PREFIX)";
                return false;
            }
            bool v4 = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
            var address = v4 ? network.BaseAddress.MapToIPv6() : network.BaseAddress;
            int prefix = network.PrefixLength + (v4 ? 96 : 0);
            var mask = Mask(prefix);
            trusted.Add((BinaryPrimitives.ReadUInt128BigEndian(address.GetAddressBytes()) & mask, mask));
        }
        policy = !enabled ? Disabled : trusted.Count == 0 ? TrustEveryone : new EcsPolicy(true, [.. trusted]);
        error = null;
        return true;
    }

    /// <summary>True when an ECS option from <paramref name="source"/> (4 or 16 octets) is to be used.</summary>
    public bool Accepts(ReadOnlySpan<byte> source)
    {
        if (!_enabled) return false;
        if (_trusted.Length == 0) return true;
        UInt128 address;
        if (source.Length == 4) address = ((UInt128)0xFFFF << 32) | BinaryPrimitives.ReadUInt32BigEndian(source);
        else if (source.Length == 16) address = BinaryPrimitives.ReadUInt128BigEndian(source);
        else return false;
        foreach (var (network, mask) in _trusted)
            if ((address & mask) == network) return true;
        return false;
    }

    private static UInt128 Mask(int prefix) => prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);
}
