using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>One key as last read from the database, with its account.</summary>
internal sealed class CachedApiKey(Account account, ApiKey key, DateTime validatedAt)
{
    private long _lastUsedTicks = key.LastUsedAt?.Ticks ?? 0;

    public Account Account { get; } = account;

    public ApiKey Key { get; } = key;

    public DateTime ValidatedAt { get; } = validatedAt;

    public DateTime? LastUsedAt => Interlocked.Read(ref _lastUsedTicks) is var ticks and > 0 ? new DateTime(ticks, DateTimeKind.Utc) : null;

    /// <summary>True for the one caller that should write last_used_at now (it was older than
    /// <paramref name="precision"/>); every other concurrent caller sees the new time and does not.</summary>
    public bool ClaimTouch(DateTime now, TimeSpan precision)
    {
        long seen = Interlocked.Read(ref _lastUsedTicks);
        if (seen > 0 && now.Ticks - seen < precision.Ticks) return false;
        return Interlocked.CompareExchange(ref _lastUsedTicks, now.Ticks, seen) == seen;
    }
}
