using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Surfaces;

/// <summary>One HTTP API surface: its base path, its OpenAPI document, and its own error shape. Every refusal —
/// a service's problems, an authentication failure, a malformed body, an unknown route, a database outage — is
/// rendered through the surface of the endpoint (or path) it happened on, so each keeps the format of its spec.</summary>
public abstract class ApiSurface
{
    /// <summary>The OpenAPI document name and route group name ("partner-api").</summary>
    public abstract string Name { get; }

    public abstract PathString BasePath { get; }

    /// <summary>The body of a refusal with these problems (never empty).</summary>
    public abstract object Body(int status, IReadOnlyList<Problem> problems);

    public IResult Problems(int status, IReadOnlyList<Problem> problems) => TypedResults.Json(Body(status, problems), statusCode: status);

    public IResult Error(int status, string message, string? field = null) => Problems(status, [new Problem(field, CodeOf(status), message)]);

    public IResult From(ServiceError error)
    {
        var result = Problems(StatusOf(error.Kind), error.Problems);
        return error.RetryAfter is { } wait ? new RetryAfterResult(result, wait) : result;
    }

    /// <summary>A refusal that also tells the caller when to try again (RFC 9110 §10.2.3, whole seconds).</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            long seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>The status of a service refusal on this surface.</summary>
    public virtual int StatusOf(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.Validation => StatusCodes.Status400BadRequest,
        ServiceErrorKind.NotFound => StatusCodes.Status404NotFound,
        ServiceErrorKind.Conflict => StatusCodes.Status409Conflict,
        ServiceErrorKind.QuotaExceeded => StatusCodes.Status403Forbidden,
        ServiceErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ServiceErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ServiceErrorKind.Throttled => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>What a 401 says for each way authentication failed.</summary>
    public virtual string Unauthenticated(AuthFailure failure) => failure switch
    {
        AuthFailure.Missing => "Missing API key: send 'Authorization: Bearer <key>'",
        AuthFailure.WrongEnvironment => "Invalid API key for this environment",
        _ => "Invalid API key",
    };

    /// <summary>What a 404 for a path that names no endpoint says.</summary>
    public virtual string RouteNotFound => "Not found";

    /// <summary>What a 403 says: the key lacks a scope, or the account is suspended.</summary>
    public virtual string Forbidden(bool suspended) => suspended ? "Insufficient permissions: the account is suspended" : "Insufficient permissions";

    public static string CodeOf(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "invalid",
        429 => "rate_limited",
        431 => "headers_too_large",
        503 => "unavailable",
        _ => status >= 500 ? "internal_error" : "error",
    };
}

/// <summary>Why a request was not authenticated.</summary>
public enum AuthFailure
{
    Missing,
    Invalid,
    WrongEnvironment,
}
