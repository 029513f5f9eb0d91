using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Http;

/// <summary>The <c>{"error": "…"}</c> body the Client API and the admin API use for every refusal.</summary>
public sealed record ErrorBody(string Error);

/// <summary>Turns a service refusal into the status code and body of a surface that uses <c>{"error"}</c>.</summary>
public static class ApiErrors
{
    public static IResult From(ServiceError error) => Result(StatusOf(error.Kind), error.Message);

    public static int StatusOf(ServiceErrorKind kind) => kind switch
    {
        ServiceErrorKind.Validation => StatusCodes.Status400BadRequest,
        ServiceErrorKind.NotFound => StatusCodes.Status404NotFound,
        ServiceErrorKind.Conflict => StatusCodes.Status409Conflict,
        ServiceErrorKind.QuotaExceeded => StatusCodes.Status403Forbidden,
        ServiceErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult Result(int status, string message) => TypedResults.Json(new ErrorBody(message), statusCode: status);

    public static IResult BadRequest(string message) => Result(StatusCodes.Status400BadRequest, message);
}
