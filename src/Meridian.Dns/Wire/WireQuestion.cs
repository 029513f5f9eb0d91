using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Wire;

/// <summary>One question as read from a message; <see cref="Name"/> is uncompressed, in the caller's buffer.</summary>
public readonly ref struct WireQuestion
{
    public WireQuestion(ReadOnlySpan<byte> name, DnsType type, DnsClass @class)
    {
        Name = name;
        Type = type;
        Class = @class;
    }

    /// <summary>The name in uncompressed wire form, case as received.</summary>
    public ReadOnlySpan<byte> Name { get; }

    public DnsType Type { get; }

    public DnsClass Class { get; }

    /// <summary>The name as a <see cref="DnsName"/> (allocates; not for the hot path).</summary>
    public DnsName GetName() => DnsName.TryFromWire(Name, out var name) ? name : DnsName.Root;
}
