namespace Meridian.Client;

/// <summary>Per-call overrides of the client's settings.</summary>
public sealed record RequestOptions
{
    /// <summary>How long each attempt of this call may take.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>How many retries this call may use.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>The <c>Idempotency-Key</c> of a POST or PATCH; by default a new one per call, the same on every
    /// attempt.</summary>
    public string? IdempotencyKey { get; init; }
}
