using System.Security.Cryptography;
using System.Text;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.EmailDns;

/// <summary>Sessions an account opens with its email and password (the Email DNS API's <c>user.login</c> and
/// <c>SessionID</c>): checked by <see cref="AccountPasswordService"/> (throttled), valid for <see cref="Lifetime"/>,
/// 256 random bits of which only the SHA-256 is stored and looked up.</summary>
public sealed class AccountSessionService
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly PlatformDatabase _database;
    private readonly AccountPasswordService _passwords;
    private readonly TimeProvider _clock;

    internal AccountSessionService(PlatformDatabase database, AccountPasswordService passwords, TimeProvider clock)
    {
        _database = database;
        _passwords = passwords;
        _clock = clock;
    }

    /// <summary>A new session for the account with this email and password, or why not (wrong, throttled).</summary>
    public async Task<ServiceResult<OpenedSession>> OpenAsync(string? email, string? password, ApiEnvironment environment, CancellationToken cancellationToken = default)
    {
        var account = await _passwords.VerifyAsync(email ?? "", password ?? "", cancellationToken);
        if (!account.Succeeded) return account.Error;
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = _clock.GetUtcNow().UtcDateTime;
        var session = new AccountSession
        {
            Id = Guid.CreateVersion7(), AccountId = account.Value.Id, Environment = environment, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        transaction.Db.AccountSessions.Add(session);
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OpenedSession(token, session.ExpiresAt);
    }

    /// <summary>The account and actor behind a live session token; null when unknown or expired.</summary>
    public async Task<(Account Account, Actor Actor)?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        byte[] hash = Hash(token);
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var db = _database.CreateContext();
        var found = await db.AccountSessions.AsNoTracking().Where(s => s.TokenHash == hash && s.ExpiresAt > now)
            .Join(db.Accounts.AsNoTracking(), s => s.AccountId, a => a.Id, (s, a) => new { Session = s, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        return (found.Account, new Actor(found.Account.Id, null, found.Session.Environment, null, found.Session.Id));
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

/// <summary>A new session's token (shown once) and when it ends.</summary>
public sealed record OpenedSession(string SessionId, DateTime ExpiresAt);
