using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>Account passwords: set by an operator, checked when a partner signs in to the dashboard (or an
/// application logs in to the Email DNS API). Hashed with ASP.NET Core Identity's hasher; wrong passwords are
/// throttled per account, and the throttle lives in the database so every node enforces the same one.</summary>
public sealed class AccountPasswordService
{
    public const int MinimumLength = 10;
    public const int MaximumLength = 1024;

    /// <summary>Wrong passwords allowed in a row before sign-ins are paused.</summary>
    public const int FreeAttempts = 5;

    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(15);

    private static readonly ServiceError WrongCredentials =
        new(ServiceErrorKind.Unauthorized, "Invalid email or password") { Problems = [new Problem(null, "invalid_credentials", "Invalid email or password")] };

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;
    private readonly PasswordHasher<Account> _hasher = new();

    // Checked when no account matches, so an unknown email costs as much time as a wrong password.
    private readonly Lazy<string> _decoyHash;

    internal AccountPasswordService(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(new Account(), Guid.NewGuid().ToString("N")));
    }

    public async Task<ServiceResult<Account>> SetAsync(Guid accountId, string password, CancellationToken cancellationToken = default)
    {
        if (password.Length < MinimumLength || password.Length > MaximumLength)
            return ServiceError.Validation($"The password must be {MinimumLength} to {MaximumLength} characters long", "password");
        if (string.IsNullOrWhiteSpace(password)) return ServiceError.Validation("The password must not be only spaces", "password");
        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var account = await transaction.Db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null) return ServiceError.NotFound("Account not found");
        if (account.Email is null) return ServiceError.Validation("The account has no email address to sign in with", "email");
        var now = _clock.Now();
        account.PasswordHash = _hasher.HashPassword(account, password);
        account.FailedSignIns = 0;
        account.SignInBlockedUntil = null;
        account.UpdatedAt = now;
        transaction.Db.AuditEvents.Add(new AuditEvent { Id = Guid.CreateVersion7(), At = now, AccountId = accountId, Action = "account.password" });
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <summary>The account whose email and password these are; else "Invalid email or password" (the same for an
    /// unknown email and a wrong password), or a pause after <see cref="FreeAttempts"/> wrong ones in a row.</summary>
    public async Task<ServiceResult<Account>> VerifyAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        string address = (email ?? "").Trim().ToLowerInvariant();
        if (address.Length == 0 || string.IsNullOrEmpty(password) || password.Length > MaximumLength) return WrongCredentials;

        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
#pragma warning disable CA1862 // translated to SQL lower(), which both databases index and compare the same way
        var account = await transaction.Db.Accounts
            .Where(a => a.Email != null && a.Email.ToLower() == address && a.PasswordHash != null)
            .OrderBy(a => a.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1862
        if (account is null)
        {
            _hasher.VerifyHashedPassword(new Account(), _decoyHash.Value, password);
            return WrongCredentials;
        }

        var now = _clock.Now();
        if (account.SignInBlockedUntil is { } until && until > now)
            return ServiceError.Throttled("Too many failed sign-ins; try again later", until - now);

        var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash!, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            account.FailedSignIns++;
            if (account.FailedSignIns >= FreeAttempts) account.SignInBlockedUntil = now + PauseAfter(account.FailedSignIns);
            await transaction.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return WrongCredentials;
        }

        account.FailedSignIns = 0;
        account.SignInBlockedUntil = null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = _hasher.HashPassword(account, password);
        await transaction.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <summary>30 s after the fifth wrong password in a row, doubling with each further one, at most 15 minutes.</summary>
    internal static TimeSpan PauseAfter(int failuresInARow)
    {
        int doublings = Math.Min(failuresInARow - FreeAttempts, 10);
        var pause = FirstPause * (1 << doublings);
        return pause < LongestPause ? pause : LongestPause;
    }
}
