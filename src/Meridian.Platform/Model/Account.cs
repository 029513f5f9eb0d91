namespace Meridian.Platform.Model;

/// <summary>A tenant: owns zones (clients) or users (partners), holds API keys and a domain quota.</summary>
public sealed class Account
{
    public Guid Id { get; set; }

    public AccountKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>How many zones the account may hold; null means no limit.</summary>
    public int? DomainLimit { get; set; }

    /// <summary>Set while an operator has suspended the account: every call is refused (403), nothing is
    /// deleted or withdrawn from DNS.</summary>
    public DateTime? SuspendedAt { get; set; }

    /// <summary>The partner dashboard's sign-in password (ASP.NET Core Identity's hash format); null until an
    /// operator sets one with <c>meridian accounts set-password</c>.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>Wrong passwords in a row since the last successful sign-in; drives the sign-in throttle.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>While set and in the future, sign-ins are refused without checking the password.</summary>
    public DateTime? SignInBlockedUntil { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
