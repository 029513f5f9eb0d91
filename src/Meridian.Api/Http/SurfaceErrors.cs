using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Http;

/// <summary>The one writer of error bodies that no endpoint produces: a database outage (503), a request Kestrel
/// rejected while it was read (400, 408, 413, 431). Every path gets the Client and admin API's
/// <c>{"error": "…"}</c> for now, including paths outside <c>/api</c>; each surface's own shape is chosen here
/// once the surfaces have their writers.</summary>
public static class SurfaceErrors
{
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ErrorBody(message), JsonBody.Options, context.RequestAborted);
    }
}
