using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>API keys: issue (the token is returned once), authenticate a presented token, revoke, list.</summary>
public sealed class ApiKeyService
{
    /// <summary>last_used_at is refreshed at most this often per key, so authentication is not a write per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;

    internal ApiKeyService(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    public async Task<ServiceResult<IssuedApiKey>> IssueAsync(Guid accountId, string name, ApiEnvironment environment,
        IReadOnlyList<string>? scopes = null, CancellationToken cancellationToken = default)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 200) return ServiceError.Validation("Key name is required (at most 200 characters)");
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        if (!await db.Accounts.AnyAsync(a => a.Id == accountId, cancellationToken)) return ServiceError.NotFound("Account not found");
        var now = _clock.GetUtcNow().UtcDateTime;
        var issued = NewKey(accountId, trimmed, environment, scopes ?? [], now);
        db.ApiKeys.Add(issued.Key);
        db.AuditEvents.Add(Audit(accountId, null, "apikey.issue", issued.Key, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>The key and account for a presented token (with or without "Bearer "), or null: malformed,
    /// unknown key id, wrong secret (compared in constant time) or revoked key all look the same.</summary>
    public async Task<AuthenticatedKey?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is not null && token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..];
        if (!ApiToken.TryParse(token, out var environment, out string? keyId, out string? secret)) return null;
        await using var db = _database.CreateContext();
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyId == keyId)
            .Join(db.Accounts.AsNoTracking(), k => k.AccountId, a => a.Id, (k, a) => new { Key = k, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.Key.RevokedAt is not null || found.Key.Environment != environment) return null;
        if (!ApiToken.Verify(secret, found.Key.SecretHash)) return null;

        var now = _clock.GetUtcNow().UtcDateTime;
        if (found.Key.LastUsedAt is null || now - found.Key.LastUsedAt.Value >= LastUsedPrecision)
        {
            await TouchAsync(db, found.Key.Id, now, cancellationToken);
            found.Key.LastUsedAt = now;
        }
        return new AuthenticatedKey(found.Account, found.Key);
    }

    public async Task<ServiceResult<ApiKey>> RevokeAsync(Guid accountId, Guid apiKeyId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == apiKeyId && k.AccountId == accountId, cancellationToken);
        if (key is null) return ServiceError.NotFound("API key not found");
        if (key.RevokedAt is null)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            key.RevokedAt = now;
            db.AuditEvents.Add(Audit(accountId, null, "apikey.revoke", key, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return key;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        return await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId)
            .OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    internal static IssuedApiKey NewKey(Guid accountId, string name, ApiEnvironment environment, IReadOnlyList<string> scopes, DateTime now)
    {
        var (keyId, secret, token) = ApiToken.Create(environment);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, Name = name, Environment = environment, Scopes = [.. scopes],
            KeyId = keyId, Prefix = ApiToken.PrefixOf(environment) + keyId, SecretHash = ApiToken.HashSecret(secret), CreatedAt = now,
        };
        return new IssuedApiKey(key, token);
    }

    internal static AuditEvent Audit(Guid accountId, Guid? actingKey, string action, ApiKey key, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), At = now, AccountId = accountId, ApiKeyId = actingKey, Action = action,
        After = AuditSnapshots.Of(new { key_id = key.Id, prefix = key.Prefix, name = key.Name, revoked_at = key.RevokedAt }),
    };

    private async Task TouchAsync(MeridianDbContext db, Guid apiKeyId, DateTime now, CancellationToken cancellationToken)
    {
        var threshold = now - LastUsedPrecision;
        bool sqlite = _database.Provider == StorageProvider.Sqlite;
        if (sqlite) await _database.SqliteWriteGate.WaitAsync(cancellationToken);
        try
        {
            await db.ApiKeys.Where(k => k.Id == apiKeyId && (k.LastUsedAt == null || k.LastUsedAt < threshold))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        finally
        {
            if (sqlite) _database.SqliteWriteGate.Release();
        }
    }
}
