using Meridian.Platform.Services;
using Microsoft.Extensions.Caching.Memory;

namespace Meridian.Web.Interface;

/// <summary>What a session changed last, and how to take it back: the interface's undo. Kept in this process's memory
/// for an hour per session (a later change replaces it; undoing it removes it), so undo works on the node that made
/// the change — enough for the one-click "undo" right after a change, which is what it is for.</summary>
public sealed class LastChanges : IDisposable
{
    private static readonly TimeSpan s_keep = TimeSpan.FromHours(1);

    private readonly MemoryCache _changes = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public void Record(Guid sessionId, LastChange change) =>
        _changes.Set(sessionId, change, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = s_keep });

    public LastChange? Find(Guid sessionId) => _changes.TryGetValue(sessionId, out LastChange? change) ? change : null;

    public void Forget(Guid sessionId) => _changes.Remove(sessionId);

    public void Dispose() => _changes.Dispose();
}

/// <summary>A change made through the interface: its description ("Created www A 192.0.2.1"), the domain it was in,
/// the inverse operation, and whether the partner's frame has been told (<c>meridian:changed</c>) yet.</summary>
public sealed class LastChange(Guid zoneId, string description, UndoOperation? undo, string eventName)
{
    private int _announced;

    public Guid ZoneId { get; } = zoneId;

    public string Description { get; } = description;

    public UndoOperation? Undo { get; } = undo;

    /// <summary>What the <c>meridian:changed</c> event names: "domain.created", "record.updated", …</summary>
    public string EventName { get; } = eventName;

    /// <summary>True once: the first page shown after the change announces it to the partner's frame.</summary>
    public bool TakeAnnouncement() => Interlocked.Exchange(ref _announced, 1) == 0;
}

/// <summary>How to undo one record change: delete what was created, create again what was deleted, or put back what
/// an edit replaced.</summary>
public sealed record UndoOperation(UndoKind Kind, Guid? RecordId, RecordInput? Input);

public enum UndoKind
{
    DeleteRecord,
    CreateRecord,
    UpdateRecord,
}
