namespace Meridian.Platform.Model;

/// <summary>A session an account opened with its email and password (<c>POST /api/v1/user.login</c>), sent back as
/// the Email DNS API's <c>SessionID</c>. Valid 24 h; only the SHA-256 of its secret is stored.</summary>
public sealed class AccountSession
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public ApiEnvironment Environment { get; set; }

    public byte[] TokenHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}
