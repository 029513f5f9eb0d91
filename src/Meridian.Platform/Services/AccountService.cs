using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>Accounts (operator calls) and the client's own key rotation.</summary>
public sealed class AccountService
{
    private readonly PlatformDatabase _database;
    private readonly ApiKeyCache _keyCache;
    private readonly TimeProvider _clock;

    internal AccountService(PlatformDatabase database, ApiKeyCache keyCache, TimeProvider clock)
    {
        _database = database;
        _keyCache = keyCache;
        _clock = clock;
    }

    public async Task<ServiceResult<Account>> CreateAsync(AccountKind kind, string name, string? email = null, int? domainLimit = null,
        CancellationToken cancellationToken = default)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 200) return ServiceError.Validation("Account name is required (at most 200 characters)");
        string? mail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (mail is not null && (mail.Length > 320 || !mail.Contains('@', StringComparison.Ordinal)))
            return ServiceError.Validation($"'{mail}' is not an email address");
        if (domainLimit is < 0) return ServiceError.Validation("Domain limit must be 0 or more (or unset for no limit)");
        var now = _clock.Now();
        var account = new Account
        {
            Id = Guid.CreateVersion7(), Kind = kind, Name = trimmed, Email = mail, DomainLimit = domainLimit, CreatedAt = now, UpdatedAt = now,
        };
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        transaction.Db.Accounts.Add(account);
        transaction.Db.AuditEvents.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(), At = now, AccountId = account.Id, Action = "account.create",
            After = Writing.AuditSnapshots.Of(new { id = account.Id, kind = ColumnConversions.KindToText(kind), name = trimmed, email = mail, domain_limit = domainLimit }),
        });
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        return await db.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<ServiceResult<Account>> GetAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        return account is null ? ServiceError.NotFound("Account not found") : account;
    }

    /// <summary>Sets the domain quota; null removes it. Existing zones above a lowered limit stay.</summary>
    public async Task<ServiceResult<Account>> SetDomainLimitAsync(Guid accountId, int? domainLimit, CancellationToken cancellationToken = default)
    {
        if (domainLimit is < 0) return ServiceError.Validation("Domain limit must be 0 or more (or unset for no limit)");
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var account = await transaction.Db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Account not found");
        var now = _clock.Now();
        var before = account.DomainLimit;
        account.DomainLimit = domainLimit;
        account.UpdatedAt = now;
        transaction.Db.AuditEvents.Add(new AuditEvent
        {
            Id = Guid.CreateVersion7(), At = now, AccountId = accountId, Action = "account.domain_limit",
            Before = Writing.AuditSnapshots.Of(new { domain_limit = before }), After = Writing.AuditSnapshots.Of(new { domain_limit = domainLimit }),
        });
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <summary>Suspends (every call of the account's keys and sessions is refused with 403) or resumes an account.
    /// Nothing is deleted and no zone stops being answered. Takes effect at once in this process and within
    /// <see cref="ApiKeyCacheOptions.RevalidateAfter"/> in others.</summary>
    public async Task<ServiceResult<Account>> SetSuspendedAsync(Guid accountId, bool suspended, CancellationToken cancellationToken = default)
    {
        List<string> keyIds;
        Account? account;
        await using (var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken))
        {
            account = await transaction.Db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            if (account is null) return ServiceError.NotFound("Account not found");
            if (suspended == account.SuspendedAt is not null) return account;
            var now = _clock.Now();
            account.SuspendedAt = suspended ? now : null;
            account.UpdatedAt = now;
            transaction.Db.AuditEvents.Add(new AuditEvent
            {
                Id = Guid.CreateVersion7(), At = now, AccountId = accountId, Action = suspended ? "account.suspend" : "account.resume",
            });
            keyIds = await transaction.Db.ApiKeys.Where(k => k.AccountId == accountId).Select(k => k.KeyId).ToListAsync(cancellationToken);
            await transaction.Db.SaveChangesAsync(cancellationToken);
            await Following.ChangeFeedAppend.KeysAsync(transaction, keyIds, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        _keyCache.Invalidate(keyIds);
        return account;
    }

    /// <summary>Replaces the caller's key: a new token (returned once) with the same name, environment and
    /// scopes; the old key is revoked in the same transaction, so it fails from the moment this returns.
    /// Without a key (operator commands) every live key of the account in <see cref="Actor.Environment"/> is
    /// revoked and one key named "default" is issued.</summary>
    public async Task<ServiceResult<RotatedKey>> RotateKeyAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == actor.AccountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Client not found");
        var now = _clock.Now();
        var environment = actor.Environment;
        var old = actor.ApiKeyId is { } keyId
            ? await db.ApiKeys.Where(k => k.Id == keyId && k.AccountId == account.Id && k.RevokedAt == null).ToListAsync(cancellationToken)
            : await db.ApiKeys.Where(k => k.AccountId == account.Id && k.Environment == environment && k.RevokedAt == null).ToListAsync(cancellationToken);
        if (actor.ApiKeyId is not null && old.Count == 0) return ServiceError.Unauthorized("The key used for this call is no longer valid");
        var template = old.Count == 1 && actor.ApiKeyId is not null ? old[0] : null;
        var issued = ApiKeyService.NewKey(account.Id, template?.Name ?? "default", template?.Environment ?? environment, template?.Scopes ?? [], now);
        foreach (var key in old)
        {
            key.RevokedAt = now;
            db.AuditEvents.Add(ApiKeyService.Audit(account.Id, actor.ApiKeyId, "apikey.revoke", key, now));
        }
        db.ApiKeys.Add(issued.Key);
        db.AuditEvents.Add(ApiKeyService.Audit(account.Id, actor.ApiKeyId, "apikey.rotate", issued.Key, now));
        account.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await Following.ChangeFeedAppend.KeysAsync(transaction, old.Select(k => k.KeyId), now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        _keyCache.Invalidate(old.Select(k => k.KeyId));
        return new RotatedKey(account, issued);
    }
}
