using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>A partner's end users, found by the partner's own <c>user_identifier</c> within the caller's
/// account and environment: another partner's users, or the other environment's, do not exist for it.</summary>
public sealed class UserService
{
    public const int MaxIdentifierLength = 255;

    private readonly PlatformDatabase _database;
    private readonly TimeProvider _clock;

    internal UserService(PlatformDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    /// <summary>The user with <paramref name="identifier"/>, made when there is none; a given email is stored
    /// (and replaces the one on file). <c>Created</c> says whether the user is new.</summary>
    public async Task<ServiceResult<(User User, bool Created)>> FindOrCreateAsync(Actor partner, string? identifier, string? email,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<Problem>(2);
        if (CheckIdentifier(identifier) is { } identifierProblem) problems.Add(identifierProblem);
        string? mail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (mail is not null && !EmailAddresses.IsValid(mail)) problems.Add(new Problem("email", "invalid_email", $"'{mail}' is not a valid email address"));
        if (problems.Count > 0) return ServiceError.Invalid(problems);

        await using var transaction = await WriteTransaction.BeginAsync(_database, cancellationToken);
        var db = transaction.Db;
        var environment = partner.Environment;
        var user = await db.Users.SingleOrDefaultAsync(
            u => u.AccountId == partner.AccountId && u.Environment == environment && u.UserIdentifier == identifier, cancellationToken);
        var now = _clock.Now();
        bool created = user is null;
        if (user is null)
        {
            user = new User
            {
                Id = Guid.CreateVersion7(), AccountId = partner.AccountId, Environment = environment, UserIdentifier = identifier!,
                Email = mail, CreatedAt = now, UpdatedAt = now,
            };
            db.Users.Add(user);
        }
        else if (mail is not null && mail != user.Email)
        {
            user.Email = mail;
            user.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (user, created);
    }

    public async Task<ServiceResult<User>> FindAsync(Actor partner, string? identifier, CancellationToken cancellationToken = default)
    {
        if (CheckIdentifier(identifier) is not null) return ServiceError.UserNotFound;
        await using var db = _database.CreateContext();
        var environment = partner.Environment;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(
            u => u.AccountId == partner.AccountId && u.Environment == environment && u.UserIdentifier == identifier, cancellationToken);
        return user is null || partner.UserId is { } self && self != user.Id ? ServiceError.UserNotFound : user;
    }

    public async Task<ServiceResult<User>> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? ServiceError.UserNotFound : user;
    }

    private static Problem? CheckIdentifier(string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
            return new Problem("user_identifier", "required", "user_identifier is required");
        if (identifier.Length > MaxIdentifierLength)
            return new Problem("user_identifier", "too_long", $"user_identifier must be at most {MaxIdentifierLength} characters");
        if (identifier.Any(char.IsControl))
            return new Problem("user_identifier", "invalid", "user_identifier must not contain control characters");
        return null;
    }
}
