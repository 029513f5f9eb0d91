using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Http;

/// <summary>The last word on an exception that no other handler took (<see cref="DatabaseOutageHandler"/>,
/// <see cref="RejectedRequestHandler"/>): a 500 in the request's surface's shape that says nothing of the
/// internals; the log has them.</summary>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted) return false;
        await SurfaceErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "internal server error");
        return true;
    }
}
