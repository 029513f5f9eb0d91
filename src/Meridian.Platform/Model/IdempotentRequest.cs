namespace Meridian.Platform.Model;

/// <summary>The first answer to a POST or PATCH sent with an <c>Idempotency-Key</c>: a retry with the same key
/// and body within 24 hours gets this answer again and changes nothing.</summary>
public sealed class IdempotentRequest
{
    public Guid ApiKeyId { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c> header (at most 255 characters).</summary>
    public string Key { get; set; } = "";

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; set; } = [];

    /// <summary>The first answer's status; 0 while the first request is still being answered.</summary>
    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
