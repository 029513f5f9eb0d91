using System.Text.Json;
using System.Text.Json.Serialization;
using Meridian.Api.Http;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api;

/// <summary>What every HTTP surface shares: JSON bodies bound by the framework (snake_case, numbers strictly
/// typed, unknown fields refused), binding failures raised so they are answered in the surface's shape, and the
/// exception and status-code handlers that write every refusal through <see cref="SurfaceErrors"/>.</summary>
public static class ApiSurfaceExtensions
{
    public static IServiceCollection AddApiSurfaces(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // A string where the spec says integer is a bad request, not a number.
            json.NumberHandling = JsonNumberHandling.Strict;
            // A misspelt field ("tll") is refused rather than silently ignored.
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseApiSurfaces(this WebApplication app)
    {
        app.UseRequestIds();
        app.UseExceptionHandler();
        // A status with no body under a surface (unknown route 404, wrong method 405) still answers in its shape.
        app.UseStatusCodePages(async status =>
        {
            var http = status.HttpContext;
            if (SurfaceErrors.For(http) is null && !http.Request.Path.StartsWithSegments("/api")) return;
            int code = http.Response.StatusCode;
            string message = code switch
            {
                StatusCodes.Status404NotFound => SurfaceErrors.For(http)?.RouteNotFound ?? "Not found",
                StatusCodes.Status405MethodNotAllowed => "Method not allowed",
                _ => ReasonPhrases.GetReasonPhrase(code),
            };
            await SurfaceErrors.WriteAsync(http, code, message);
        });
        // Inside the exception handler: a key lookup that cannot reach the database (a cached key is trusted only
        // while the change feed is read, docs/scale-out.md) answers 503 like any call. Left to WebApplication, these
        // would run at the start of the pipeline, where such an exception became an empty 500.
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
