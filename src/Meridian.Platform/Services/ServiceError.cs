namespace Meridian.Platform.Services;

/// <summary>A refusal: its kind and a message a person can act on.</summary>
public sealed record ServiceError(ServiceErrorKind Kind, string Message)
{
    public static ServiceError Validation(string message) => new(ServiceErrorKind.Validation, message);

    public static ServiceError NotFound(string message) => new(ServiceErrorKind.NotFound, message);

    public static ServiceError Conflict(string message) => new(ServiceErrorKind.Conflict, message);

    public static ServiceError QuotaExceeded(string message) => new(ServiceErrorKind.QuotaExceeded, message);

    public static ServiceError Unauthorized(string message) => new(ServiceErrorKind.Unauthorized, message);

    public static ServiceError DomainNotFound { get; } = NotFound("Domain not found");

    public static ServiceError RecordNotFound { get; } = NotFound("Record not found");

    public static ServiceError DomainLimitReached { get; } = QuotaExceeded("Domain limit reached");
}
