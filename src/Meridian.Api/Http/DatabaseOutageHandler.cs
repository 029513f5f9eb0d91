using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Http;

/// <summary>A request that failed because the database cannot be reached answers 503 with Retry-After, never 500:
/// the client did nothing wrong and may retry, and a load balancer reading /readyz sends it elsewhere meanwhile.
/// Logged as one warning per interval with the count of requests it stands for, without a stack trace.</summary>
public sealed partial class DatabaseOutageHandler(ILogger<DatabaseOutageHandler> logger, TimeProvider time) : IExceptionHandler
{
    private readonly LogRateLimit _log = new(TimeSpan.FromSeconds(10), time);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsCause(exception)) return false;
        if (_log.TryEnter(out long heldBack)) LogOutage(logger, httpContext.Request.Method, httpContext.Request.Path, Describe(exception), heldBack);
        httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SurfaceErrors.WriteAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly");
        return true;
    }

    /// <summary>The exception chain's types and messages on one line: enough to tell a refused connection from a full disk.</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException) parts.Add($"{e.GetType().Name}: {e.Message}");
        return string.Join(" <- ", parts);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "Database unavailable: {Method} {Path} answered 503 ({Reason}); {HeldBack} more such request(s) since the last report")]
    private static partial void LogOutage(ILogger logger, string method, PathString path, string reason, long heldBack);
}
