using System.Buffers.Binary;
using Meridian.Dns.Names;
using Meridian.Dns.Records;

namespace Meridian.Dns.Server.Tests.Update;

/// <summary>Builds RFC 2136 UPDATE messages octet by octet, so tests can also build the malformed ones a client library
/// would refuse to make.</summary>
public sealed class UpdateMessages
{
    private readonly List<byte> _octets = [];
    private readonly List<(string Name, DnsType Type, DnsClass Class, uint Ttl, byte[] Data)> _prerequisites = [];
    private readonly List<(string Name, DnsType Type, DnsClass Class, uint Ttl, byte[] Data)> _updates = [];
    private readonly List<(string Name, DnsType Type, DnsClass Class)> _zones = [];

    public ushort Id { get; init; } = 0x4242;

    public UpdateMessages Zone(string name, DnsType type = DnsType.SOA, DnsClass @class = DnsClass.IN)
    {
        _zones.Add((name, type, @class));
        return this;
    }

    public UpdateMessages Prerequisite(string name, DnsType type, DnsClass @class, uint ttl = 0, byte[]? data = null)
    {
        _prerequisites.Add((name, type, @class, ttl, data ?? []));
        return this;
    }

    public UpdateMessages Update(string name, DnsType type, DnsClass @class, uint ttl = 0, byte[]? data = null)
    {
        _updates.Add((name, type, @class, ttl, data ?? []));
        return this;
    }

    public byte[] Build()
    {
        _octets.Clear();
        UInt16(Id);
        UInt16((ushort)(5 << 11)); // opcode UPDATE
        UInt16((ushort)_zones.Count);
        UInt16((ushort)_prerequisites.Count);
        UInt16((ushort)_updates.Count);
        UInt16(0);
        foreach (var (name, type, @class) in _zones)
        {
            _octets.AddRange(DnsName.Parse(name).Wire.ToArray());
            UInt16((ushort)type);
            UInt16((ushort)@class);
        }
        foreach (var record in _prerequisites.Concat(_updates))
        {
            _octets.AddRange(DnsName.Parse(record.Name).Wire.ToArray());
            UInt16((ushort)record.Type);
            UInt16((ushort)record.Class);
            UInt32(record.Ttl);
            UInt16((ushort)record.Data.Length);
            _octets.AddRange(record.Data);
        }
        return [.. _octets];
    }

    public static byte[] A(string address) => System.Net.IPAddress.Parse(address).GetAddressBytes();

    public static byte[] Mx(ushort preference, string exchange)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, preference);
        return [.. data, .. DnsName.Parse(exchange).Wire.ToArray()];
    }

    private void UInt16(ushort value)
    {
        _octets.Add((byte)(value >> 8));
        _octets.Add((byte)value);
    }

    private void UInt32(uint value)
    {
        UInt16((ushort)(value >> 16));
        UInt16((ushort)value);
    }
}
