using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Meridian.Platform.Writing;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>API keys: issue (the token is returned once), authenticate a presented token, revoke, list.</summary>
public sealed partial class ApiKeyService
{
    /// <summary>last_used_at is refreshed at most this often per key, so authentication is not a write per request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private readonly PlatformDatabase _database;
    private readonly ApiKeyCache _cache;
    private readonly TimeProvider _clock;

    internal ApiKeyService(PlatformDatabase database, ApiKeyCache cache, TimeProvider clock)
    {
        _database = database;
        _cache = cache;
        _clock = clock;
    }

    public async Task<ServiceResult<IssuedApiKey>> IssueAsync(Guid accountId, string name, ApiEnvironment environment,
        IReadOnlyList<string>? scopes = null, CancellationToken cancellationToken = default)
    {
        string trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > 200) return ServiceError.Validation("Key name is required (at most 200 characters)", "name", "required");
        var canonical = new List<string>();
        foreach (string scope in scopes ?? [])
        {
            if (Scopes.Canonical(scope) is not { } known)
                return ServiceError.Validation($"Unknown scope '{scope}'; scopes are: {string.Join(", ", Scopes.Known)}", "scopes", "unknown_scope");
            if (!canonical.Contains(known)) canonical.Add(known);
        }
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Account not found");
        if (await db.ApiKeys.AnyAsync(k => k.AccountId == accountId && k.Name == trimmed && k.RevokedAt == null, cancellationToken))
            return ServiceError.Conflict($"The account already has a live key named '{trimmed}'");
        var now = _clock.Now();
        var issued = NewKey(accountId, trimmed, environment, canonical.Count > 0 ? canonical : Scopes.DefaultsFor(account.Kind), now);
        db.ApiKeys.Add(issued.Key);
        db.AuditEvents.Add(Audit(accountId, null, "apikey.issue", issued.Key, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>The key and account for a presented token (with or without "Bearer "), or null: malformed,
    /// unknown key id, wrong secret (compared in constant time) or revoked key all look the same. Keys are
    /// remembered for <see cref="ApiKeyCacheOptions.RevalidateAfter"/> (see <see cref="ApiKeyCache"/>).</summary>
    public async Task<AuthenticatedKey?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token is not null && token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token[7..];
        if (!ApiToken.TryParse(token, out var environment, out string? keyId, out string? secret)) return null;
        var now = _clock.Now();
        if (!_cache.TryGet(keyId, now, out var entry))
        {
            entry = await LoadAsync(keyId, now, cancellationToken);
            if (entry is null) return null;
        }
        var key = entry.Key;
        if (key.RevokedAt is not null || key.Environment != environment) return null;
        if (!ApiToken.Verify(secret, key.SecretHash)) return null;

        if (entry.ClaimTouch(now, LastUsedPrecision)) await TouchAsync(key.Id, now, cancellationToken);
        return new AuthenticatedKey(Copy(entry.Account), Copy(key, entry.LastUsedAt));
    }

    private async Task<CachedApiKey?> LoadAsync(string keyId, DateTime now, CancellationToken cancellationToken)
    {
        long generation = _cache.Generation;
        await using var db = _database.CreateContext();
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.KeyId == keyId)
            .Join(db.Accounts.AsNoTracking(), k => k.AccountId, a => a.Id, (k, a) => new { Key = k, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var entry = new CachedApiKey(found.Account, found.Key, now);
        _cache.Store(entry, generation);
        return entry;
    }

    // Callers get their own copies: the cached entities are shared by every request.
    private static Account Copy(Account a) => new()
    {
        Id = a.Id, Kind = a.Kind, Name = a.Name, Email = a.Email, DomainLimit = a.DomainLimit, SuspendedAt = a.SuspendedAt, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
    };

    private static ApiKey Copy(ApiKey k, DateTime? lastUsedAt) => new()
    {
        Id = k.Id, AccountId = k.AccountId, Name = k.Name, Environment = k.Environment, Scopes = k.Scopes, KeyId = k.KeyId, Prefix = k.Prefix,
        SecretHash = k.SecretHash, CreatedAt = k.CreatedAt, LastUsedAt = lastUsedAt, RevokedAt = k.RevokedAt,
    };

    public Task<ServiceResult<ApiKey>> RevokeAsync(Guid accountId, Guid apiKeyId, CancellationToken cancellationToken = default) =>
        RevokeAsync(accountId, k => k.Id == apiKeyId, cancellationToken);

    /// <summary>Revokes the account's live key with this name (names are unique among live keys).</summary>
    public Task<ServiceResult<ApiKey>> RevokeByNameAsync(Guid accountId, string name, CancellationToken cancellationToken = default)
    {
        string trimmed = (name ?? "").Trim();
        return RevokeAsync(accountId, k => k.Name == trimmed && k.RevokedAt == null, cancellationToken);
    }

    private async Task<ServiceResult<ApiKey>> RevokeAsync(Guid accountId, System.Linq.Expressions.Expression<Func<ApiKey, bool>> which,
        CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var key = await db.ApiKeys.Where(k => k.AccountId == accountId).Where(which).FirstOrDefaultAsync(cancellationToken);
        if (key is null) return ServiceError.NotFound("API key not found");
        if (key.RevokedAt is null)
        {
            var now = _clock.Now();
            key.RevokedAt = now;
            db.AuditEvents.Add(Audit(accountId, null, "apikey.revoke", key, now));
            await db.SaveChangesAsync(cancellationToken);
            await Following.ChangeFeedAppend.KeysAsync(transaction, [key.KeyId], now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            _cache.Invalidate([key.KeyId]);
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

    private async Task TouchAsync(Guid apiKeyId, DateTime now, CancellationToken cancellationToken)
    {
        var threshold = now - LastUsedPrecision;
        bool sqlite = _database.Provider == StorageProvider.Sqlite;
        if (sqlite) await _database.SqliteWriteGate.WaitAsync(cancellationToken);
        try
        {
            await using var db = _database.CreateContext();
            await db.ApiKeys.Where(k => k.Id == apiKeyId && (k.LastUsedAt == null || k.LastUsedAt < threshold))
                .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        finally
        {
            if (sqlite) _database.SqliteWriteGate.Release();
        }
    }
}
