namespace Meridian.Platform.Model;

/// <summary>One API key of an account. Only a SHA-256 of the secret is kept; the token is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>A description chosen by the owner ("deploy script").</summary>
    public string Name { get; set; } = "";

    public ApiEnvironment Environment { get; set; }

    public string[] Scopes { get; set; } = [];

    /// <summary>The public part of the token that finds the key ("k7…"), unique.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>The start of the token as people see it in lists: <c>mk_live_KEYID</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the token's secret part.</summary>
    public byte[] SecretHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
