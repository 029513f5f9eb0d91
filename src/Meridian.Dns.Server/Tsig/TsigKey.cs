using Meridian.Dns.Names;

namespace Meridian.Dns.Server.Tsig;

/// <summary>A shared secret for TSIG: its name (lowercase), algorithm and secret octets. The secret never goes into
/// a log or a response; <see cref="ToString"/> leaves it out.</summary>
public sealed class TsigKey(DnsName name, TsigAlgorithm algorithm, byte[] secret)
{
    public DnsName Name { get; } = name.ToLower();

    public TsigAlgorithm Algorithm { get; } = algorithm;

    internal byte[] Secret { get; } = secret;

    public override string ToString() => $"{Name} ({TsigAlgorithms.Name(Algorithm)})";
}

/// <summary>Where the DNS server looks keys up by name. Implementations answer from memory: it is asked on the
/// listener's thread for every signed message.</summary>
public interface ITsigKeyring
{
    /// <summary>The key of that name (compared case-insensitively), or null.</summary>
    TsigKey? Find(DnsName name);
}

/// <summary>A fixed set of keys (tests, and the zone-file server).</summary>
public sealed class StaticTsigKeyring(IEnumerable<TsigKey> keys) : ITsigKeyring
{
    private readonly Dictionary<DnsName, TsigKey> _keys = keys.ToDictionary(k => k.Name);

    public TsigKey? Find(DnsName name) => _keys.GetValueOrDefault(name.ToLower());
}
