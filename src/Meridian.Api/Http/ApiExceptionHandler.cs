using System.Text.Json;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Http;

/// <summary>The last word on an exception, in the request's surface's shape: a request the framework could not
/// read (malformed JSON, a missing or oversized body, a bad query value) keeps its 4xx status and says what was
/// wrong; anything else is a 500 that says nothing of the internals (the log has them).</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted) return false;
        if (exception is BadHttpRequestException bad)
        {
            if (logger.IsEnabled(LogLevel.Debug)) LogBadRequest(logger, bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path.Value ?? "", bad.Message);
            await SurfaceErrors.WriteAsync(httpContext, bad.StatusCode, Describe(bad));
            return true;
        }
        await SurfaceErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "internal server error");
        return true;
    }

    /// <summary>A message that names the field and the problem without echoing internals.</summary>
    internal static string Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json) return JsonBody.Describe(json);
        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body is too large",
            StatusCodes.Status408RequestTimeout => "Request body was not received in time",
            StatusCodes.Status415UnsupportedMediaType => "Request body must be JSON (Content-Type: application/json)",
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Bad request {Status} {Method} {Path}: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string method, string path, string reason);
}
