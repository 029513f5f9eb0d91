using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Publishing;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Writing;

/// <summary>What a change to one zone works with: the open transaction and its statements, the locked
/// zone row, its committed contents, the time of the change and who makes it. A change checks everything
/// before it touches <see cref="Contents"/>, and calls <see cref="MarkChanged"/> when it changed anything.</summary>
internal sealed class ZoneWriteContext(WriteTransaction transaction, ZoneStatements statements, Zone zone, ZoneContents contents, Actor actor, DateTime now)
{
    public WriteTransaction Transaction { get; } = transaction;

    /// <summary>The writes of this change, sent at commit.</summary>
    public ZoneStatements Statements { get; } = statements;

    public MeridianDbContext Db => Transaction.Db;

    public Zone Zone { get; } = zone;

    public ZoneContents Contents { get; } = contents;

    public Actor Actor { get; } = actor;

    public DateTime Now { get; } = now;

    public bool Changed { get; private set; }

    public void MarkChanged() => Changed = true;

    public void Audit(string action, Guid? recordId, string? before, string? after) =>
        Statements.InsertAudit(new AuditEvent
        {
            Id = RowIds.NewVersion7(),
            At = Now,
            AccountId = Actor.AccountId,
            ApiKeyId = Actor.ApiKeyId,
            Action = action,
            ZoneId = Zone.Id,
            ZoneName = Zone.Name,
            RecordId = recordId,
            Before = before,
            After = after,
        });
}
