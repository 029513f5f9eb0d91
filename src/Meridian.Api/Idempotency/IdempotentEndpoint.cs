namespace Meridian.Api.Idempotency;

/// <summary>Endpoint metadata: a POST or PATCH to this endpoint honours an <c>Idempotency-Key</c>
/// (<see cref="IdempotencyExtensions.AcceptIdempotencyKeys{TBuilder}"/>).</summary>
public sealed class IdempotentEndpoint
{
    public static IdempotentEndpoint Instance { get; } = new();

    private IdempotentEndpoint()
    {
    }
}
