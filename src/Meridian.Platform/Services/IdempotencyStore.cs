using System.Data.Common;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;

namespace Meridian.Platform.Services;

/// <summary>The first answers to requests sent with an <c>Idempotency-Key</c> (<see cref="IdempotentRequest"/>), per
/// API key and key, for <see cref="Lifetime"/>. A request first <em>claims</em> its key — a row with no answer yet,
/// which a concurrent duplicate on any node sees as in flight — then either completes the claim with its answer or
/// abandons it (an answer worth retrying for real). The claim is its own transaction, before the request's
/// writes: a process that stops between the two leaves a claim that a retry may take over after
/// <see cref="InFlightTimeout"/>.</summary>
public sealed class IdempotencyStore
{
    /// <summary>How long a first answer is replayed; after that the key is new again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long a claim without an answer stops duplicates. Partner requests take milliseconds (a batch of
    /// the largest size, seconds); a claim this old belongs to a process that stopped.</summary>
    public static readonly TimeSpan InFlightTimeout = TimeSpan.FromMinutes(2);

    public const int MaxKeyLength = 255;

    /// <summary>The longest content type a stored answer can keep (the column's size).</summary>
    public const int MaxContentTypeLength = 128;

    private const int InFlight = 0; // status_code of a claim that has no answer yet
    private const string KeyMatch = "api_key_id = @api_key_id AND \"key\" = @key";

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;

    internal IdempotencyStore(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>Claims <paramref name="key"/> of <paramref name="apiKeyId"/> for a request whose method, path and body
    /// hash to <paramref name="requestHash"/>; or says why not: the first answer is there to replay, the key was used
    /// for another request, or the first request is still being answered.</summary>
    public async Task<IdempotencyClaim> ClaimAsync(Guid apiKeyId, string key, byte[] requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        var now = _clock.Now();
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var sql = SqlDialect.For(transaction.Provider);
        (string, object) keyId = ("@api_key_id", sql.Value(apiKeyId)), keyName = ("@key", key), hash = ("@hash", requestHash), at = ("@now", sql.Value(now));
        // A duplicate that commits its claim first makes this insert do nothing (PostgreSQL waits for it to commit).
        await using (var insert = transaction.Command(
            "INSERT INTO idempotent_requests (api_key_id, \"key\", request_hash, status_code, content_type, body, created_at) " +
            $"VALUES (@api_key_id, @key, @hash, {InFlight}, NULL, @empty, @now) ON CONFLICT (api_key_id, \"key\") DO NOTHING",
            keyId, keyName, hash, ("@empty", Array.Empty<byte>()), at))
        {
            if (await insert.Command.ExecuteNonQueryAsync(cancellationToken) == 1) return await ClaimedAsync(transaction, apiKeyId, key, now, cancellationToken);
        }

        StoredRequest? found;
        await using (var select = transaction.Command(
            $"SELECT request_hash, status_code, content_type, body, created_at FROM idempotent_requests WHERE {KeyMatch}{sql.ForUpdate}", keyId, keyName))
        await using (var reader = await select.Command.ExecuteReaderAsync(cancellationToken))
        {
            found = await reader.ReadAsync(cancellationToken) ? Read(reader, sql) : null;
        }
        // Gone between the insert and the read: its claim was abandoned. Say "in flight"; the client's retry claims it.
        if (found is null) return new IdempotencyClaim(IdempotencyOutcome.InFlight, apiKeyId, key, now, null);

        var (storedHash, answer, createdAt) = found.Value;
        bool expired = createdAt <= now - Lifetime;
        bool abandoned = answer is null && createdAt <= now - InFlightTimeout;
        if (expired || abandoned)
        {
            await using var retake = transaction.Command(
                $"UPDATE idempotent_requests SET request_hash = @hash, status_code = {InFlight}, content_type = NULL, body = @empty, created_at = @now WHERE {KeyMatch}",
                hash, ("@empty", Array.Empty<byte>()), at, keyId, keyName);
            await retake.Command.ExecuteNonQueryAsync(cancellationToken);
            return await ClaimedAsync(transaction, apiKeyId, key, now, cancellationToken);
        }
        // The same key for another request is the client's mistake whether or not the first is still running.
        if (!storedHash.AsSpan().SequenceEqual(requestHash)) return new IdempotencyClaim(IdempotencyOutcome.Mismatch, apiKeyId, key, createdAt, null);
        if (answer is null) return new IdempotencyClaim(IdempotencyOutcome.InFlight, apiKeyId, key, createdAt, null);
        return new IdempotencyClaim(IdempotencyOutcome.Replay, apiKeyId, key, createdAt, answer);
    }

    /// <summary>Stores the answer to a claimed request; false when it cannot be kept (its content type is too long,
    /// or the claim was taken over): then abandon the claim.</summary>
    public async Task<bool> CompleteAsync(IdempotencyClaim claim, StoredResponse response, CancellationToken cancellationToken = default)
    {
        if (claim.Outcome != IdempotencyOutcome.Claimed) throw new InvalidOperationException("only a claimed key can be completed");
        if (response.ContentType is { Length: > MaxContentTypeLength }) return false;
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var sql = SqlDialect.For(transaction.Provider);
        await using var update = transaction.Command(
            $"UPDATE idempotent_requests SET status_code = @status, content_type = @content_type, body = @body WHERE {KeyMatch} AND status_code = {InFlight} AND created_at = @claimed_at",
            ("@status", response.StatusCode), ("@content_type", SqlDialect.Value(response.ContentType)), ("@body", response.Body),
            ("@api_key_id", sql.Value(claim.ApiKeyId)), ("@key", claim.Key), ("@claimed_at", sql.Value(claim.At)));
        bool stored = await update.Command.ExecuteNonQueryAsync(cancellationToken) == 1;
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    /// <summary>Releases a claim without an answer, so the next request with the key runs for real. A claim that
    /// was completed or taken over is left alone.</summary>
    public async Task AbandonAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        if (claim.Outcome != IdempotencyOutcome.Claimed) throw new InvalidOperationException("only a claimed key can be abandoned");
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var sql = SqlDialect.For(transaction.Provider);
        await using var delete = transaction.Command(
            $"DELETE FROM idempotent_requests WHERE {KeyMatch} AND status_code = {InFlight} AND created_at = @claimed_at",
            ("@api_key_id", sql.Value(claim.ApiKeyId)), ("@key", claim.Key), ("@claimed_at", sql.Value(claim.At)));
        await delete.Command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Deletes every entry older than <see cref="Lifetime"/>; returns how many. A claim is never that old
    /// unless its process stopped.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = _clock.Now() - Lifetime;
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var sql = SqlDialect.For(transaction.Provider);
        await using var delete = transaction.Command("DELETE FROM idempotent_requests WHERE created_at <= @cutoff", ("@cutoff", sql.Value(cutoff)));
        int deleted = await delete.Command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private static async Task<IdempotencyClaim> ClaimedAsync(WriteTransaction transaction, Guid apiKeyId, string key, DateTime now, CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        return new IdempotencyClaim(IdempotencyOutcome.Claimed, apiKeyId, key, now, null);
    }

    private static StoredRequest Read(DbDataReader reader, SqlDialect sql)
    {
        var hash = (byte[])reader.GetValue(0);
        int status = reader.GetInt32(1);
        var answer = status == InFlight ? null : new StoredResponse(status, reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader.GetValue(3));
        return new StoredRequest(hash, answer, sql.ReadTime(reader, 4));
    }

    private readonly record struct StoredRequest(byte[] Hash, StoredResponse? Answer, DateTime CreatedAt);
}

/// <summary>What <see cref="IdempotencyStore.ClaimAsync"/> found.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is this request's: run it, then complete or abandon the claim.</summary>
    Claimed,

    /// <summary>The same request was answered before: send <see cref="IdempotencyClaim.Response"/> again.</summary>
    Replay,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,

    /// <summary>The first request with the key is still being answered.</summary>
    InFlight,
}

/// <summary>The outcome of claiming an idempotency key; <see cref="At"/> is when the entry was made (for a claim, its
/// identity when it is completed or abandoned).</summary>
public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, Guid ApiKeyId, string Key, DateTime At, StoredResponse? Response);

/// <summary>A stored first answer: status, content type and body.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, byte[] Body);
