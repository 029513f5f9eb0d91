using System.Security.Cryptography;
using System.Text;

namespace Meridian.Api.Idempotency;

/// <summary>Names the caller whose Idempotency-Keys a request's key belongs to, for schemes without API keys (the
/// Simple API's users). The id is derived from a stable name, so a retry on another node, or after a restart, finds
/// the first answer; it cannot meet an API key's id (those are random).</summary>
public sealed record IdempotencyCallerFeature(Guid Caller)
{
    public static IdempotencyCallerFeature For(string stableName)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("meridian idempotency caller\0" + stableName), hash);
        return new IdempotencyCallerFeature(new Guid(hash[..16]));
    }
}
