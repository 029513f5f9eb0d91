using System.Collections.Concurrent;

namespace Meridian.Platform.Auth;

/// <summary>What this process knows about API keys, by the token's public key id, so that a request is
/// authenticated without a database query. An entry holds the stored hash (the secret is still hashed and
/// compared in constant time on every request), the revocation state and the account, and is read again from
/// the database once it is older than <see cref="ApiKeyCacheOptions.RevalidateAfter"/>. Unknown key ids are
/// never remembered, so a key made by another process works at once.</summary>
internal sealed class ApiKeyCache(ApiKeyCacheOptions options)
{
    private readonly ConcurrentDictionary<string, CachedApiKey> _byKeyId = new(StringComparer.Ordinal);
    private long _generation;

    public TimeSpan RevalidateAfter => options.RevalidateAfter;

    /// <summary>Taken before a database read and handed to <see cref="Store"/>: an invalidation in between
    /// means the read may predate a revocation, and its result is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The entry for <paramref name="keyId"/> when it was validated less than the bound ago.</summary>
    public bool TryGet(string keyId, DateTime now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CachedApiKey? entry) =>
        _byKeyId.TryGetValue(keyId, out entry) && now - entry.ValidatedAt < options.RevalidateAfter;

    public void Store(CachedApiKey entry, long generationBeforeRead)
    {
        if (_byKeyId.Count >= options.MaxEntries) _byKeyId.Clear();
        _byKeyId[entry.Key.KeyId] = entry;
        // A revocation committed while the entry was being read: it may say "live", so drop it.
        if (Generation != generationBeforeRead) _byKeyId.TryRemove(entry.Key.KeyId, out _);
    }

    /// <summary>Forgets keys just revoked or replaced in this process; call after the commit.</summary>
    public void Invalidate(IEnumerable<string> keyIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (string keyId in keyIds) _byKeyId.TryRemove(keyId, out _);
    }
}
