using Meridian.Dns.Names;
using Meridian.Dns.Server.Tsig;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Transfer;

/// <summary>The TSIG keys of the database, held in memory for the DNS server's verifier. Read again when older than
/// <see cref="TransferOptions.RevalidateAfter"/> (keys made by the CLI or another node) or at once after a change made
/// in this process.</summary>
internal sealed class TsigKeyring(PlatformDatabase database, TransferOptions options, TimeProvider clock) : ITsigKeyring
{
    private readonly RevalidatingSnapshot<Loaded> _snapshot = new(() => Load(database), options.RevalidateAfter, clock);

    private sealed record Loaded(Dictionary<DnsName, (TsigKey Key, TsigKeyEntry Entry)> Keys);

    public TsigKey? Find(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Key : null;

    /// <summary>The stored entry (scopes) of a key.</summary>
    public TsigKeyEntry? Entry(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Entry : null;

    public void Invalidate() => _snapshot.Invalidate();

    private Loaded Current() => _snapshot.Current();

    private static Loaded Load(PlatformDatabase database)
    {
        using var db = database.CreateContext();
        var keys = new Dictionary<DnsName, (TsigKey, TsigKeyEntry)>();
        foreach (var entry in db.TsigKeys.AsEnumerable())
        {
            if (!TsigAlgorithms.TryParse(entry.Algorithm, out var algorithm) || !DnsName.TryParseUserInput(entry.Name, out var name, out _)) continue;
            byte[] secret;
            try
            {
                secret = Convert.FromBase64String(entry.Secret);
            }
            catch (FormatException)
            {
                continue;
            }
            var key = new TsigKey(name, algorithm, secret);
            keys[key.Name] = (key, entry);
        }
        return new Loaded(keys);
    }
}
