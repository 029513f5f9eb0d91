namespace Meridian.Client.Http;

/// <summary>One call before it is sent: everything needed to build a fresh <see cref="HttpRequestMessage"/> for
/// each attempt (a sent message cannot be sent again).</summary>
/// <param name="Path">Relative to the surface's base address, without a leading slash.</param>
/// <param name="Body">The serialised body, or null.</param>
/// <param name="Credential">The bearer token: the API key, or the Simple API's JWT.</param>
internal sealed record ApiRequest(
    HttpMethod Method,
    Uri BaseUrl,
    string Path,
    string? Credential,
    byte[]? Body = null,
    string BodyMediaType = "application/json")
{
    public Uri Url => new(BaseUrl, Path);

    /// <summary>POST and PATCH change something each time they run, so every attempt of one carries the same
    /// Idempotency-Key and the server applies it once.</summary>
    public bool NeedsIdempotencyKey => Method == HttpMethod.Post || Method == HttpMethod.Patch;
}
