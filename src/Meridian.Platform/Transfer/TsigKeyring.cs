using Meridian.Dns.Names;
using Meridian.Dns.Server.Tsig;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Transfer;

/// <summary>The TSIG keys of the database (secrets decrypted with <see cref="TsigSecretProtection"/>), held in memory for the DNS server's verifier. Read again when older than
/// <see cref="TransferOptions.RevalidateAfter"/> (keys made by the CLI or another node) or at once after a change made
/// in this process.</summary>
internal sealed class TsigKeyring(PlatformDatabase database, TsigSecretProtection secrets, TransferOptions options, TimeProvider clock) : ITsigKeyring
{
    private readonly RevalidatingSnapshot<Loaded> _snapshot = new(() => Load(database, secrets), options.RevalidateAfter, clock);

    private sealed record Loaded(Dictionary<DnsName, (TsigKey Key, TsigKeyEntry Entry)> Keys);

    public TsigKey? Find(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Key : null;

    /// <summary>The stored entry (scopes) of a key.</summary>
    public TsigKeyEntry? Entry(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Entry : null;

    public void Invalidate() => _snapshot.Invalidate();

    private Loaded Current() => _snapshot.Current();

    private static Loaded Load(PlatformDatabase database, TsigSecretProtection secrets)
    {
        using var db = database.CreateContext();
        var keys = new Dictionary<DnsName, (TsigKey, TsigKeyEntry)>();
        foreach (var entry in db.TsigKeys.AsEnumerable())
        {
            if (!TsigAlgorithms.TryParse(entry.Algorithm, out var algorithm) || !DnsName.TryParseUserInput(entry.Name, out var name, out _)) continue;
            // Decrypted once per load, held in memory only: the verifier needs the octets for every signed message.
            if (!secrets.TryReveal(entry.Secret, out var secret)) continue;
            var key = new TsigKey(name, algorithm, secret);
            keys[key.Name] = (key, entry);
        }
        return new Loaded(keys);
    }
}
