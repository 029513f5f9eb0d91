namespace Meridian.Platform.Model;

/// <summary>A partner's end user: known to the partner by its own <see cref="UserIdentifier"/> (unique per
/// partner and environment), owning zones that the partner manages for it.</summary>
public sealed class User
{
    public Guid Id { get; set; }

    /// <summary>The partner account the user belongs to.</summary>
    public Guid AccountId { get; set; }

    public ApiEnvironment Environment { get; set; }

    /// <summary>The partner's own id for the user (1–255 characters), as sent in <c>user_identifier</c>.</summary>
    public string UserIdentifier { get; set; } = "";

    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
