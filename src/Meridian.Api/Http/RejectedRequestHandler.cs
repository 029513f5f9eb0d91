using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Http;

/// <summary>A request Kestrel rejected while the application read it (a malformed chunked body 400, a body sent
/// slower than the minimum data rate 408, too large 413, headers too large 431) keeps its status: it is the client's
/// mistake, not a server error. Logged at debug level, without a stack trace, at most once per interval.</summary>
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
        await SurfaceErrors.WriteAsync(httpContext, rejected.StatusCode, MessageFor(rejected.StatusCode));
        return true;
    }

    private static string MessageFor(int status) => status switch
    {
        StatusCodes.Status408RequestTimeout => "Request body was not received in time",
        StatusCodes.Status413PayloadTooLarge => "Request body is too large",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "Request headers are too large",
        _ => "Bad request",
    };

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug,
        Message = "Rejected request: {Method} {Path} answered {Status} ({Reason}); {HeldBack} more rejected request(s) since the last report")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int status, string reason, long heldBack);
}
