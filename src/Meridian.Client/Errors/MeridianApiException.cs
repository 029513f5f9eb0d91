using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Meridian.Client;

/// <summary>A Meridian API refused a call. <see cref="Body"/> is the surface's own error body as sent
/// (<c>{"errors": […], "details": […]}</c> on the Partner API, <c>{"error": "…"}</c> on the Client API,
/// <c>{"Errors": [{"Code", "Message"}]}</c> on the Email DNS API, <c>{"errors": [{"title"}]}</c> on the Simple API);
/// <see cref="Messages"/> and <see cref="Problems"/> read it the same way whatever the surface.</summary>
public class MeridianApiException : Exception
{
    public MeridianApiException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter = null)
        : base(Describe(status, body))
    {
        Status = status;
        Body = body;
        RequestId = requestId;
        RetryAfter = retryAfter;
        Problems = ErrorBodyReader.Problems(body);
    }

    public MeridianApiException() : this(0, default, null) { }

    public MeridianApiException(string message) : base(message) => Problems = [];

    public MeridianApiException(string message, Exception innerException) : base(message, innerException) => Problems = [];

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Status;

    /// <summary>The parsed error body (<see cref="JsonValueKind.Undefined"/> when the answer had no JSON body).</summary>
    public JsonElement Body { get; }

    /// <summary>The server's request id (<c>X-Request-Id</c>) when it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Every problem the body lists, with its field and code where the surface gives them.</summary>
    public IReadOnlyList<MeridianProblem> Problems { get; }

    /// <summary>The body as one of the surface's generated error records, e.g.
    /// <c>error.BodyAs(PartnerApiJsonContext.Default.PartnerErrorBody)</c>; null when the body is not that shape.</summary>
    public T? BodyAs<T>(JsonTypeInfo<T> errorBody)
    {
        if (Body.ValueKind != JsonValueKind.Object) return default;
        try
        {
            return Body.Deserialize(errorBody);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The problems' messages.</summary>
    public IReadOnlyList<string> Messages => Problems.Select(problem => problem.Message).ToList();

    internal static MeridianApiException For(int status, JsonElement body, string? requestId, TimeSpan? retryAfter) => status switch
    {
        400 => new MeridianBadRequestException(status, body, requestId, retryAfter),
        401 => new MeridianAuthenticationException(status, body, requestId, retryAfter),
        403 => new MeridianPermissionDeniedException(status, body, requestId, retryAfter),
        404 => new MeridianNotFoundException(status, body, requestId, retryAfter),
        409 => new MeridianConflictException(status, body, requestId, retryAfter),
        422 => new MeridianUnprocessableEntityException(status, body, requestId, retryAfter),
        429 => new MeridianRateLimitException(status, body, requestId, retryAfter),
        >= 500 => new MeridianServerException(status, body, requestId, retryAfter),
        _ => new MeridianApiException(status, body, requestId, retryAfter),
    };

    private static string Describe(int status, JsonElement body)
    {
        var messages = ErrorBodyReader.Problems(body).Select(problem => problem.Message).ToList();
        return messages.Count == 0 ? $"HTTP {status}" : $"HTTP {status}: {string.Join("; ", messages)}";
    }
}

/// <summary>One problem of a refusal: its message, and the field and code when the surface names them
/// (the Partner API's <c>details</c>, the Email DNS API's numeric <c>Code</c>).</summary>
public sealed record MeridianProblem(string Message, string? Field = null, string? Code = null);

/// <summary>400: the request is malformed or (Client and Simple APIs) invalid.</summary>
public sealed class MeridianBadRequestException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>401: no key, an unknown key, or a key of the other environment.</summary>
public sealed class MeridianAuthenticationException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>403: the key lacks the scope, or its account is suspended.</summary>
public sealed class MeridianPermissionDeniedException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>404: nothing of the caller's by that id.</summary>
public sealed class MeridianNotFoundException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>409: the object exists already, or an idempotent request with the same key is still running.</summary>
public sealed class MeridianConflictException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>422: the request is well formed but invalid (Partner and Email DNS APIs).</summary>
public sealed class MeridianUnprocessableEntityException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>429: the key's request budget is spent, still after the retries.</summary>
public sealed class MeridianRateLimitException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);

/// <summary>5xx: the server (or a DNS provider behind it, 502) failed, still after the retries.</summary>
public sealed class MeridianServerException(int status, JsonElement body, string? requestId, TimeSpan? retryAfter)
    : MeridianApiException(status, body, requestId, retryAfter);
