using System.Net;
using Meridian.Dns.Names;
using Meridian.Dns.Server.Tsig;
using Meridian.Dns.Server.Zones;

namespace Meridian.Dns.Server.Transfer;

/// <summary>Who may transfer a zone. Asked once per transfer request, after its TSIG (if any) has verified.</summary>
public interface ITransferAccess
{
    /// <param name="key">The key that signed the request, or null for an unsigned one.</param>
    bool MayTransfer(DnsName zone, IPAddress source, TsigKey? key);
}

/// <summary>The differences between served versions of a zone, for IXFR (RFC 1995).</summary>
public interface IZoneJournal
{
    /// <summary>The changes that lead from <paramref name="fromSerial"/> to <paramref name="toSerial"/>, oldest first, each
    /// with the records it removed and added (SOA excluded); null when the journal does not reach back that far or
    /// cannot say (the server then sends the whole zone).</summary>
    Task<IReadOnlyList<ZoneDelta>?> ReadAsync(DnsName zone, uint fromSerial, uint toSerial, CancellationToken cancellationToken);
}

/// <summary>One change of a zone: from one serial to the next, the records removed and added.</summary>
public sealed record ZoneDelta(uint FromSerial, uint ToSerial, IReadOnlyList<ZoneRecord> Removed, IReadOnlyList<ZoneRecord> Added);

/// <summary>What the DNS server needs to verify TSIG and serve AXFR/IXFR; without it transfers are not implemented
/// (NOTIMP) and TSIG on queries is ignored.</summary>
public sealed class ZoneTransferServices(TsigVerifier tsig, ITransferAccess access, IZoneJournal? journal = null)
{
    public TsigVerifier Tsig { get; } = tsig;

    public ITransferAccess Access { get; } = access;

    public IZoneJournal? Journal { get; } = journal;

    /// <summary>Applies RFC 2136 UPDATE messages signed with a known key; null: UPDATE is not implemented (NOTIMP).</summary>
    public Update.IDnsUpdateHandler? Updates { get; init; }
}

/// <summary>RFC 1982 serial number arithmetic on 32-bit SOA serials.</summary>
public static class SerialArithmetic
{
    /// <summary>True when <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public static bool IsBefore(uint a, uint b) => a != b && (int)(b - a) > 0;
}
