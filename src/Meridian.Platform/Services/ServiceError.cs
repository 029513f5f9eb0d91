namespace Meridian.Platform.Services;

/// <summary>A refusal: its kind, a message a person can act on, and the machine-readable problems behind it
/// (one per field found wrong). Each API surface renders these in its own error shape.</summary>
public sealed record ServiceError(ServiceErrorKind Kind, string Message)
{
    private IReadOnlyList<Problem>? _problems;

    /// <summary>Every problem found; a refusal made from a message alone has that message as its one problem.</summary>
    public IReadOnlyList<Problem> Problems
    {
        get => _problems ??= [new Problem(null, DefaultCode(Kind), Message)];
        init => _problems = value.Count > 0 ? value : null;
    }

    /// <summary>For <see cref="ServiceErrorKind.Throttled"/>: how long the caller should wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static ServiceError Validation(string message, string? field = null, string code = "invalid") =>
        new(ServiceErrorKind.Validation, message) { Problems = [new Problem(field, code, message)] };

    /// <summary>A refusal listing several problems; the first is the <see cref="Message"/>.</summary>
    public static ServiceError Invalid(IReadOnlyList<Problem> problems) =>
        new(ServiceErrorKind.Validation, problems[0].Message) { Problems = problems };

    public static ServiceError NotFound(string message) => new(ServiceErrorKind.NotFound, message);

    public static ServiceError Conflict(string message) => new(ServiceErrorKind.Conflict, message);

    public static ServiceError QuotaExceeded(string message) => new(ServiceErrorKind.QuotaExceeded, message);

    public static ServiceError Forbidden(string message) => new(ServiceErrorKind.Forbidden, message);

    public static ServiceError Unauthorized(string message) => new(ServiceErrorKind.Unauthorized, message);

    public static ServiceError Throttled(string message, TimeSpan retryAfter) =>
        new(ServiceErrorKind.Throttled, message) { RetryAfter = retryAfter };

    public static ServiceError DomainNotFound { get; } = NotFound("Domain not found");

    public static ServiceError RecordNotFound { get; } = NotFound("Record not found");

    public static ServiceError UserNotFound { get; } = NotFound("User not found");

    public static ServiceError DomainLimitReached { get; } = QuotaExceeded("Domain limit reached");

    private static string DefaultCode(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.Validation => "invalid",
        ServiceErrorKind.NotFound => "not_found",
        ServiceErrorKind.Conflict => "conflict",
        ServiceErrorKind.QuotaExceeded => "quota_exceeded",
        ServiceErrorKind.Forbidden => "forbidden",
        ServiceErrorKind.Unauthorized => "unauthorized",
        ServiceErrorKind.Throttled => "too_many_attempts",
        _ => "error",
    };
}

/// <summary>One thing wrong with a request: the field (null when it is the request as a whole), a stable code
/// for programs, and a message for people.</summary>
public sealed record Problem(string? Field, string Code, string Message);
