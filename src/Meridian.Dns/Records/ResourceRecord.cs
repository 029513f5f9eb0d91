using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Meridian.Dns.Names;
using Meridian.Dns.Rdata;

namespace Meridian.Dns.Records;

/// <summary>One resource record: owner, type, class, TTL and the RDATA in uncompressed wire form.</summary>
public sealed class ResourceRecord : IEquatable<ResourceRecord>
{
    public ResourceRecord(DnsName owner, DnsType type, DnsClass dnsClass, uint ttl, byte[] data)
    {
        Owner = owner;
        Type = type;
        Class = dnsClass;
        Ttl = ttl;
        Data = data;
    }

    public DnsName Owner { get; }

    public DnsType Type { get; }

    public DnsClass Class { get; }

    public uint Ttl { get; }

    /// <summary>RDATA octets; treat as read-only.</summary>
    public byte[] Data { get; }

    /// <summary>The type an RRSIG or SIG record covers (its first two octets); <see cref="DnsType.None"/> for other types.</summary>
    public DnsType Covers => CoveredType(Type, Data);

    /// <summary>The covered type of RRSIG/SIG data, or <see cref="DnsType.None"/>.</summary>
    public static DnsType CoveredType(DnsType type, ReadOnlySpan<byte> data) =>
        (type == DnsType.RRSIG || type == DnsType.SIG) && data.Length >= 2
            ? (DnsType)BinaryPrimitives.ReadUInt16BigEndian(data)
            : DnsType.None;

    /// <summary>Owner, type and class equal (names ignoring case), same TTL and the same RDATA octets.</summary>
    public bool Equals(ResourceRecord? other) =>
        other is not null && Owner.Equals(other.Owner) && Type == other.Type && Class == other.Class &&
        Ttl == other.Ttl && Data.AsSpan().SequenceEqual(other.Data);

    public override bool Equals(object? obj) => obj is ResourceRecord other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Owner, Type, Class, Ttl, Data.Length);

    /// <summary>One presentation line: <c>owner TTL CLASS TYPE rdata</c>, names absolute.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Owner.ToString()).Append('\t')
          .Append(Ttl.ToString(CultureInfo.InvariantCulture)).Append('\t')
          .Append(DnsTypeNames.ToName(Class)).Append('\t')
          .Append(DnsTypeNames.ToName(Type)).Append('\t');
        RdataText.Format(Type, Data, sb);
        return sb.ToString();
    }
}
