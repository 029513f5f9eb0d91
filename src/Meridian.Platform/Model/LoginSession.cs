namespace Meridian.Platform.Model;

/// <summary>A partner user's way into the embedded interface: a one-time <c>login_url</c> token (valid 24 h,
/// exchanged once), and the browser session it becomes. Only SHA-256 hashes of both secrets are stored.</summary>
public sealed class LoginSession
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public Guid UserId { get; set; }

    public ApiEnvironment Environment { get; set; }

    /// <summary>The API key that asked for the link.</summary>
    public Guid? ApiKeyId { get; set; }

    public byte[] LoginTokenHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When the link stops working if it was never opened.</summary>
    public DateTime LoginExpiresAt { get; set; }

    /// <summary>When the link was exchanged for a session; a used link never works again.</summary>
    public DateTime? UsedAt { get; set; }

    /// <summary>The browser session's secret (the cookie), set when the link is used.</summary>
    public byte[]? SessionTokenHash { get; set; }

    public DateTime? SessionExpiresAt { get; set; }

    /// <summary>A support session a partner opened from its dashboard to see a user's interface: it may read, never write.</summary>
    public bool ReadOnly { get; set; }
}
