namespace Meridian.Platform.Transfer;

/// <summary>What a process read from the database, held for the DNS workers and read again when older than
/// <c>revalidateAfter</c> (a change made by the CLI or another node) or at once after <see cref="Invalidate"/> (a
/// change made here). One reader at a time reloads; while the database is away the last good read stays in use.</summary>
internal sealed class RevalidatingSnapshot<T>(Func<T> load, TimeSpan revalidateAfter, TimeProvider clock) where T : class
{
    private readonly Lock _reloading = new();
    private volatile Held? _held;
    private T? _lastGood;

    private sealed record Held(T Value, long At);

    public T Current()
    {
        var held = _held;
        if (held is not null && clock.GetElapsedTime(held.At) < revalidateAfter) return held.Value;
        lock (_reloading)
        {
            held = _held;
            if (held is not null && clock.GetElapsedTime(held.At) < revalidateAfter) return held.Value;
            T value;
            try
            {
                value = load();
            }
            catch (Exception e) when (e is not OutOfMemoryException && _lastGood is not null)
            {
                // The database is away: keep answering with what we have, and try again next time.
                return _lastGood;
            }
            _held = new Held(value, clock.GetTimestamp());
            _lastGood = value;
            return value;
        }
    }

    public void Invalidate() => _held = null;
}
