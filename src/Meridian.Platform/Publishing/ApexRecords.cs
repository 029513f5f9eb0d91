using Meridian.Dns.Names;
using Meridian.Dns.Rdata;
using Meridian.Dns.Records;
using Meridian.Dns.Server.Zones;

namespace Meridian.Platform.Publishing;

/// <summary>Builds the apex SOA and NS records of a zone from <see cref="ZoneOptions"/>.</summary>
public sealed class ApexRecords
{
    private readonly ZoneOptions _options;
    private readonly DnsName[] _nameservers;
    private readonly DnsName _hostmaster;

    public ApexRecords(ZoneOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _options = options;
        _nameservers = options.Nameservers.Select(Name).ToArray();
        _hostmaster = Name(options.Hostmaster);
    }

    /// <summary>SOA first, then one NS per configured nameserver.</summary>
    public IEnumerable<ZoneRecord> For(DnsName origin, uint serial)
    {
        var soa = new RdataBuilder();
        soa.WriteName(_nameservers[0]);
        soa.WriteName(_hostmaster);
        soa.WriteUInt32(serial);
        soa.WriteUInt32((uint)_options.Refresh);
        soa.WriteUInt32((uint)_options.Retry);
        soa.WriteUInt32((uint)_options.Expire);
        soa.WriteUInt32((uint)_options.NegativeTtl);
        yield return new ZoneRecord(origin, DnsType.SOA, (uint)_options.SoaTtl, soa.ToArray());
        foreach (var ns in _nameservers)
            yield return new ZoneRecord(origin, DnsType.NS, (uint)_options.NsTtl, ns.Wire.ToArray());
    }

    private static DnsName Name(string text)
    {
        // Validate() has checked every name already.
        if (!DnsName.TryParseUserInput(text, out var name, out string? error)) throw new ArgumentException(error, nameof(text));
        return name.ToLower();
    }
}
