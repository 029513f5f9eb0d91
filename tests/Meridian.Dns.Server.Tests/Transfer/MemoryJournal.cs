using Meridian.Dns.Names;
using Meridian.Dns.Server.Transfer;

namespace Meridian.Dns.Server.Tests.Transfer;

/// <summary>A journal held in the test (the platform's reads the database): the deltas it was given, chained by serial.</summary>
internal sealed class MemoryJournal : IZoneJournal
{
    public List<ZoneDelta> Deltas { get; } = [];

    public Task<IReadOnlyList<ZoneDelta>?> ReadAsync(DnsName zone, uint fromSerial, uint toSerial, CancellationToken cancellationToken)
    {
        int start = Deltas.FindIndex(d => d.FromSerial == fromSerial);
        if (start < 0) return Task.FromResult<IReadOnlyList<ZoneDelta>?>(null);
        var chain = Deltas.Skip(start).ToList();
        return Task.FromResult<IReadOnlyList<ZoneDelta>?>(chain.Count > 0 && chain[^1].ToSerial == toSerial ? chain : null);
    }
}

/// <summary>Transfer access by a fixed rule: one address range without a key, or one key name.</summary>
internal sealed class FixedAccess(System.Net.IPAddress? allowedAddress, string? allowedKey) : ITransferAccess
{
    public bool MayTransfer(DnsName zone, System.Net.IPAddress source, Meridian.Dns.Server.Tsig.TsigKey? key) =>
        (allowedAddress is not null && source.Equals(allowedAddress)) || (key is not null && allowedKey is not null && key.Name.Equals(DnsName.Parse(allowedKey)));
}
