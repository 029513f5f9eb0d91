using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Idempotency;

/// <summary>What makes two requests "the same request" for an <c>Idempotency-Key</c>: SHA-256 of the method, the
/// path with its query, and the body bytes.</summary>
internal static class RequestFingerprint
{
    /// <summary>Hashes the request and leaves its body readable again from the start for the endpoint.</summary>
    public static async Task<byte[]> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = Start(request.Method, request.PathBase + request.Path + request.QueryString);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0) hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>The fingerprint of a request given whole.</summary>
    public static byte[] Of(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = Start(method, pathAndQuery);
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    private static IncrementalHash Start(string method, string pathAndQuery)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Newlines cannot occur in a method or a request target, so the parts cannot run into each other.
        hash.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + "\n" + pathAndQuery + "\n"));
        return hash;
    }
}
