using System.Text.Json;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Http;

/// <summary>A request that could not be read keeps its status: Kestrel's rejections (a malformed chunked body 400, a
/// body sent slower than the minimum data rate 408, too large 413, headers too large 431) and the framework's binding
/// failures (a body that is not JSON, a field of the wrong type or unknown, a bad query value: 400). It is the client's
/// mistake, not a server error: answered in the surface's shape with what was wrong, logged at debug level without a
/// stack trace, at most once per interval.</summary>
public sealed partial class RejectedRequestHandler(ILogger<RejectedRequestHandler> logger, TimeProvider time) : IExceptionHandler
{
    private readonly LogRateLimit _log = new(TimeSpan.FromSeconds(10), time);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException rejected) return false;
        if (logger.IsEnabled(LogLevel.Debug) && _log.TryEnter(out long heldBack))
            LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, rejected.StatusCode, rejected.Message, heldBack);
        // No more requests on a connection whose request body could not be read to its end.
        httpContext.Response.Headers.Connection = "close";
        await SurfaceErrors.WriteAsync(httpContext, rejected.StatusCode, Describe(rejected));
        return true;
    }

    /// <summary>A message that names the field and the problem without echoing internals.</summary>
    internal static string Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json) return JsonBody.Describe(json);
        return exception.StatusCode switch
        {
            StatusCodes.Status408RequestTimeout => "Request body was not received in time",
            StatusCodes.Status413PayloadTooLarge => "Request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "Request body must be JSON (Content-Type: application/json)",
            StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request headers are too large",
            _ when exception.Message.Contains("was not provided", StringComparison.Ordinal) => "Request body is required",
            _ when exception.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) => BindingMessage(exception.Message),
            _ => "Bad request",
        };
    }

    // "Failed to bind parameter "int? page" from "x"." -> "Invalid value for page".
    private static string BindingMessage(string message)
    {
        int open = message.IndexOf('"', StringComparison.Ordinal);
        int close = open < 0 ? -1 : message.IndexOf('"', open + 1);
        if (close < 0) return "Bad request";
        string parameter = message[(open + 1)..close];
        return $"Invalid value for {parameter[(parameter.LastIndexOf(' ') + 1)..]}";
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug,
        Message = "Rejected request: {Method} {Path} answered {Status} ({Reason}); {HeldBack} more rejected request(s) since the last report")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int status, string reason, long heldBack);
}
