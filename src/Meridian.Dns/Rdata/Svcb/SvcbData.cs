using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Meridian.Dns.Names;

namespace Meridian.Dns.Rdata.Svcb;

/// <summary>One SvcParam: its key and raw wire value.</summary>
public readonly record struct SvcParam(ushort Key, ReadOnlyMemory<byte> Value);

/// <summary>A typed view of SVCB/HTTPS RDATA (RFC 9460) for code that acts on it, such as additional-section
/// processing: priority, target and parameters in wire order.</summary>
public sealed class SvcbData
{
    private SvcbData(ushort priority, DnsName target, IReadOnlyList<SvcParam> parameters)
    {
        Priority = priority;
        Target = target;
        Parameters = parameters;
    }

    public ushort Priority { get; }

    /// <summary>The TargetName; "." means the owner name in service mode and "no service" in alias mode.</summary>
    public DnsName Target { get; }

    /// <summary>Parameters in ascending key order, as the wire form requires.</summary>
    public IReadOnlyList<SvcParam> Parameters { get; }

    /// <summary>Priority 0: the record only points at another name (RFC 9460 §2.4.2).</summary>
    public bool IsAliasMode => Priority == 0;

    /// <summary>Reads RDATA with the checks BIND applies to SVCB received on the wire; false when invalid.</summary>
    public static bool TryRead(ReadOnlySpan<byte> rdata, [NotNullWhen(true)] out SvcbData? data)
    {
        data = null;
        if (!SvcbWireRules.TryValidate(rdata, asFromText: false, out int i)) return false;
        if (!DnsName.TryFromWire(rdata[2..i], out var target)) return false;
        var parameters = new List<SvcParam>();
        while (i < rdata.Length)
        {
            ushort key = BinaryPrimitives.ReadUInt16BigEndian(rdata[i..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rdata[(i + 2)..]);
            parameters.Add(new SvcParam(key, rdata.Slice(i + 4, length).ToArray()));
            i += 4 + length;
        }
        data = new SvcbData(BinaryPrimitives.ReadUInt16BigEndian(rdata), target, parameters);
        return true;
    }

    /// <summary>The value of <paramref name="key"/>, when present.</summary>
    public bool TryGetValue(ushort key, out ReadOnlyMemory<byte> value)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Key != key) continue;
            value = parameter.Value;
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The port parameter, or null.</summary>
    public ushort? Port => TryGetValue(SvcParamKeys.Port, out var value) ? BinaryPrimitives.ReadUInt16BigEndian(value.Span) : null;

    /// <summary>ALPN protocol ids, in order (raw octets, usually ASCII such as "h2").</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> AlpnIds
    {
        get
        {
            var ids = new List<ReadOnlyMemory<byte>>();
            if (!TryGetValue(SvcParamKeys.Alpn, out var value)) return ids;
            for (int i = 0; i < value.Length; i += value.Span[i] + 1) ids.Add(value.Slice(i + 1, value.Span[i]));
            return ids;
        }
    }

    /// <summary>The ipv4hint addresses (empty when absent).</summary>
    public IReadOnlyList<IPAddress> IPv4Hints => Addresses(SvcParamKeys.Ipv4Hint, 4);

    /// <summary>The ipv6hint addresses (empty when absent).</summary>
    public IReadOnlyList<IPAddress> IPv6Hints => Addresses(SvcParamKeys.Ipv6Hint, 16);

    private List<IPAddress> Addresses(ushort key, int size)
    {
        var addresses = new List<IPAddress>();
        if (!TryGetValue(key, out var value)) return addresses;
        for (int i = 0; i + size <= value.Length; i += size) addresses.Add(new IPAddress(value.Span.Slice(i, size)));
        return addresses;
    }
}
