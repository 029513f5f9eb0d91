using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Wire;

namespace Meridian.Dns.Server.Update;

/// <summary>Applies a verified UPDATE to the zone's data: the platform implements it with its one write path. Called
/// only for messages whose TSIG verified, with the key that signed them; the answer is the response's rcode
/// (NOERROR, a prerequisite's rcode, NOTAUTH for a zone that is not ours, REFUSED for one the key may not change or a
/// record the zone may not hold).</summary>
public interface IDnsUpdateHandler
{
    Task<DnsRcode> ApplyAsync(UpdateMessage update, TsigKey key, CancellationToken cancellationToken);
}
