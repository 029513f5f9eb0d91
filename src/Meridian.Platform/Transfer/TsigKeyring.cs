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
    private readonly Lock _reloading = new();
    private volatile Loaded? _loaded;
    private Loaded? _lastGood;

    private sealed record Loaded(Dictionary<DnsName, (TsigKey Key, TsigKeyEntry Entry)> Keys, long At);

    public TsigKey? Find(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Key : null;

    /// <summary>The stored entry (scopes) of a key.</summary>
    public TsigKeyEntry? Entry(DnsName name) => Current().Keys.TryGetValue(name.ToLower(), out var found) ? found.Entry : null;

    public void Invalidate() => _loaded = null;

    private Loaded Current()
    {
        var loaded = _loaded;
        if (loaded is not null && clock.GetElapsedTime(loaded.At) < options.RevalidateAfter) return loaded;
        lock (_reloading)
        {
            loaded = _loaded;
            if (loaded is not null && clock.GetElapsedTime(loaded.At) < options.RevalidateAfter) return loaded;
            try
            {
                loaded = Load();
            }
            catch (Exception e) when (e is not OutOfMemoryException && _lastGood is not null)
            {
                // The database is away: keep verifying with the keys we have, and try again next time.
                return _lastGood;
            }
            _loaded = _lastGood = loaded;
            return loaded;
        }
    }

    private Loaded Load()
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
        return new Loaded(keys, clock.GetTimestamp());
    }
}
