using System.Security.Cryptography;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>Sign-in links for a partner's end users: a link token valid for <see cref="LinkLifetime"/> that
/// works once and becomes a browser session valid for <see cref="SessionLifetime"/>. Both secrets are 256 random
/// bits; only their SHA-256 is stored, and they are looked up by that hash.</summary>
public sealed class LoginService
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(24);

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;

    internal LoginService(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>A new one-time link token for <paramref name="user"/>, asked for by <paramref name="partner"/>.</summary>
    public Task<IssuedLogin> IssueAsync(Actor partner, User user, CancellationToken cancellationToken = default) =>
        IssueAsync(partner, user, readOnly: false, cancellationToken);

    /// <summary>A one-time link for a read-only session: a partner's support staff sees the user's interface as the user
    /// does, and can change nothing (the interface and the session's API scheme refuse every write).</summary>
    public Task<IssuedLogin> IssueReadOnlyAsync(Actor partner, User user, CancellationToken cancellationToken = default) =>
        IssueAsync(partner, user, readOnly: true, cancellationToken);

    private async Task<IssuedLogin> IssueAsync(Actor partner, User user, bool readOnly, CancellationToken cancellationToken)
    {
        string token = NewSecret();
        var now = _clock.Now();
        var session = new LoginSession
        {
            Id = Guid.CreateVersion7(), AccountId = user.AccountId, UserId = user.Id, Environment = user.Environment, ApiKeyId = partner.ApiKeyId,
            LoginTokenHash = Hash(token), CreatedAt = now, LoginExpiresAt = now + LinkLifetime, ReadOnly = readOnly,
        };
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        transaction.Db.LoginSessions.Add(session);
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedLogin(token, session.LoginExpiresAt);
    }

    /// <summary>Uses a link token: the first call within its lifetime gets a session token; every later call, or one
    /// after it expired, is told which.</summary>
    public async Task<LoginExchange> ExchangeAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return new LoginExchange(LoginOutcome.Unknown);
        byte[] hash = Hash(token);
        var now = _clock.Now();
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var session = await db.LoginSessions.SingleOrDefaultAsync(s => s.LoginTokenHash == hash, cancellationToken);
        if (session is null) return new LoginExchange(LoginOutcome.Unknown);
        if (session.UsedAt is not null) return new LoginExchange(LoginOutcome.Used, UserId: session.UserId);
        if (session.LoginExpiresAt <= now) return new LoginExchange(LoginOutcome.Expired, UserId: session.UserId);
        string sessionToken = NewSecret();
        byte[] sessionHash = Hash(sessionToken);
        var expires = now + SessionLifetime;
        // Conditional on "not used yet", so of two concurrent openings (PostgreSQL runs them side by side) one wins.
        var id = session.Id;
        int claimed = await db.LoginSessions.Where(s => s.Id == id && s.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.UsedAt, now).SetProperty(s => s.SessionTokenHash, sessionHash)
                .SetProperty(s => s.SessionExpiresAt, expires), cancellationToken);
        if (claimed == 0) return new LoginExchange(LoginOutcome.Used, UserId: session.UserId);
        await transaction.CommitAsync(cancellationToken);
        return new LoginExchange(LoginOutcome.SignedIn, sessionToken, expires, session.UserId);
    }

    /// <summary>The signed-in user behind a session token, or null when it is unknown or expired.</summary>
    public async Task<SignedInUser?> AuthenticateAsync(string? sessionToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionToken) || sessionToken.Length > 100) return null;
        byte[] hash = Hash(sessionToken);
        var now = _clock.Now();
        await using var db = _database.CreateContext();
        var found = await db.LoginSessions.AsNoTracking()
            .Where(s => s.SessionTokenHash == hash && s.SessionExpiresAt > now)
            .Join(db.Users.AsNoTracking(), s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .Join(db.Accounts.AsNoTracking(), x => x.Session.AccountId, a => a.Id, (x, a) => new { x.Session, x.User, Account = a })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var actor = new Actor(found.Account.Id, null, found.Session.Environment, found.User.Id, found.Session.Id);
        return new SignedInUser(actor, found.Account, found.User, found.Session.SessionExpiresAt!.Value, found.Session.ReadOnly);
    }

    /// <summary>Ends a browser session at once (sign-out); an unknown or expired token changes nothing.</summary>
    public async Task SignOutAsync(string? sessionToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionToken) || sessionToken.Length > 100) return;
        byte[] hash = Hash(sessionToken);
        var now = _clock.Now();
        await using var db = _database.CreateContext();
        await db.LoginSessions.Where(s => s.SessionTokenHash == hash && s.SessionExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SessionExpiresAt, now), cancellationToken);
    }

    /// <summary>The account behind a session token, live or ended: the interface uses it to tell the partner's frame
    /// that the session is over.</summary>
    public async Task<Guid?> AccountOfSessionAsync(string? sessionToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionToken) || sessionToken.Length > 100) return null;
        byte[] hash = Hash(sessionToken);
        await using var db = _database.CreateContext();
        return await db.LoginSessions.AsNoTracking().Where(s => s.SessionTokenHash == hash).Select(s => (Guid?)s.AccountId).FirstOrDefaultAsync(cancellationToken);
    }

    private static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A new sign-in link token, shown once, and when it stops working.</summary>
public sealed record IssuedLogin(string Token, DateTime ExpiresAt);

/// <summary>What opening a sign-in link did.</summary>
public enum LoginOutcome
{
    SignedIn,
    Used,
    Expired,
    Unknown,
}

/// <summary>The result of <see cref="LoginService.ExchangeAsync"/>: on sign-in, the session token for the cookie.</summary>
public sealed record LoginExchange(LoginOutcome Outcome, string? SessionToken = null, DateTime? SessionExpiresAt = null, Guid? UserId = null);

/// <summary>A live browser session: the actor its requests act as (account, environment, user, session).</summary>
public sealed record SignedInUser(Actor Actor, Account Account, User User, DateTime ExpiresAt, bool ReadOnly = false);
