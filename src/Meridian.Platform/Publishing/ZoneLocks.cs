using System.Collections.Concurrent;

namespace Meridian.Platform.Publishing;

/// <summary>One async lock per zone: writes to a zone run one at a time in this process, so its serial
/// and in-memory contents follow the database exactly. Locks are kept (one small object per zone).</summary>
internal sealed class ZoneLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(Guid zoneId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(zoneId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
