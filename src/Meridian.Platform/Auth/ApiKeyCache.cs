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

    // Following/ChangeFollower: revocations made by other processes arrive through the change feed. While this process
    // follows it, an entry is trusted only as long as the follower has read the feed recently (within
    // _followTrustTicks), so no entry outlives a revocation by more than that window, whatever RevalidateAfter says.
    private long _followTrustTicks;
    private long _followedUntilTicks;

    /// <summary>The entry for <paramref name="keyId"/> when it was validated less than the bound ago (and, while the
    /// change feed is followed, the feed was read less than the follow window ago).</summary>
    public bool TryGet(string keyId, DateTime now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CachedApiKey? entry) =>
        _byKeyId.TryGetValue(keyId, out entry) && now - entry.ValidatedAt < options.RevalidateAfter && FeedIsFresh(now);

    /// <summary>From now on entries are trusted only while <see cref="FollowedUntil"/> is less than
    /// <paramref name="trustWindow"/> old.</summary>
    public void FollowFeed(TimeSpan trustWindow) => Interlocked.Exchange(ref _followTrustTicks, trustWindow.Ticks);

    /// <summary>Every revocation committed before <paramref name="snapshotStart"/> has been applied (invalidated).</summary>
    public void FollowedUntil(DateTime snapshotStart)
    {
        long ticks = snapshotStart.Ticks;
        long seen = Interlocked.Read(ref _followedUntilTicks);
        while (ticks > seen)
        {
            long was = Interlocked.CompareExchange(ref _followedUntilTicks, ticks, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    private bool FeedIsFresh(DateTime now)
    {
        long trust = Interlocked.Read(ref _followTrustTicks);
        return trust == 0 || now.Ticks - Interlocked.Read(ref _followedUntilTicks) < trust;
    }

    public void Store(CachedApiKey entry, long generationBeforeRead)
    {
        if (_byKeyId.Count >= options.MaxEntries) _byKeyId.Clear();
        _byKeyId[entry.Key.KeyId] = entry;
        // A revocation committed while the entry was being read: it may say "live", so drop it.
        if (Generation != generationBeforeRead) _byKeyId.TryRemove(entry.Key.KeyId, out _);
    }

    /// <summary>Forgets every key: revocations may have been missed (the change feed was pruned past this process).</summary>
    public void InvalidateAll()
    {
        Interlocked.Increment(ref _generation);
        _byKeyId.Clear();
    }

    /// <summary>Forgets keys just revoked or replaced in this process; call after the commit.</summary>
    public void Invalidate(IEnumerable<string> keyIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (string keyId in keyIds) _byKeyId.TryRemove(keyId, out _);
    }
}
