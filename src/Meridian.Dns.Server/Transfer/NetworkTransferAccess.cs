using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Tsig;

namespace Meridian.Dns.Server.Transfer;

/// <summary>Transfers of every zone allowed to fixed address ranges, without TSIG (<c>meridian dns --allow-transfer</c>).</summary>
public sealed class NetworkTransferAccess(IReadOnlyList<IPNetwork> allowed) : ITransferAccess
{
    public bool MayTransfer(DnsName zone, IPAddress source, TsigKey? key)
    {
        if (source.IsIPv4MappedToIPv6) source = source.MapToIPv4();
        foreach (var network in allowed)
            if (network.Contains(source)) return true;
        return false;
    }
}
