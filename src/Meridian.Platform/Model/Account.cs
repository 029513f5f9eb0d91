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

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
