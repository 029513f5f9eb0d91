using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>What the partner dashboard shows about an account: its users with their domains, and its audit log.
/// Every read is filtered by the account, so a partner sees its own only.</summary>
public sealed class PartnerOverviewService
{
    private readonly PlatformDatabase _database;

    internal PartnerOverviewService(PlatformDatabase database) => _database = database;

    /// <summary>The account's users (both environments), each with its domains, newest users first.</summary>
    public async Task<IReadOnlyList<PartnerUser>> ListUsersAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var users = await db.Users.AsNoTracking().Where(u => u.AccountId == accountId).OrderByDescending(u => u.CreatedAt).ToListAsync(cancellationToken);
        var zones = await db.Zones.AsNoTracking().Where(z => z.AccountId == accountId && z.UserId != null).OrderBy(z => z.Name).ToListAsync(cancellationToken);
        var byUser = zones.ToLookup(z => z.UserId!.Value);
        return [.. users.Select(u => new PartnerUser(u, [.. byUser[u.Id]]))];
    }

    /// <summary>The account's audit events, newest first.</summary>
    public async Task<Page<AuditEvent>> ListAuditAsync(Guid accountId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var events = db.AuditEvents.AsNoTracking().Where(a => a.AccountId == accountId);
        int total = await events.CountAsync(cancellationToken);
        var rows = await events.OrderByDescending(a => a.At).Skip(page.Skip).Take(page.Take).ToListAsync(cancellationToken);
        return new Page<AuditEvent>(rows, total, page);
    }
}

/// <summary>A partner's user and the domains it holds.</summary>
public sealed record PartnerUser(User User, IReadOnlyList<Zone> Domains);
