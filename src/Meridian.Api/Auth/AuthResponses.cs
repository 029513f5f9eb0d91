using Meridian.Api.Observability;
using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Auth;

/// <summary>The 401 and 403 answers of every scheme, in the request's surface's shape; a 401 also carries
/// <c>WWW-Authenticate: Bearer</c> (RFC 6750).</summary>
internal static class AuthResponses
{
    public static Task ChallengeAsync(HttpContext context)
    {
        var failure = context.Features.Get<AuthFailureFeature>()?.Failure ?? AuthFailure.Missing;
        ApiMetrics.CountAuthFailure(context, StatusCodes.Status401Unauthorized, failure == AuthFailure.Missing ? "missing" : "invalid");
        context.Response.Headers.WWWAuthenticate = failure == AuthFailure.Missing ? "Bearer" : "Bearer error=\"invalid_token\"";
        var surface = SurfaceErrors.For(context) ?? SingleErrorSurface.Client;
        return surface.Error(StatusCodes.Status401Unauthorized, surface.Unauthenticated(failure)).ExecuteAsync(context);
    }

    public static Task ForbidAsync(HttpContext context)
    {
        bool suspended = context.User.HasClaim(MeridianClaims.Suspended, "true");
        ApiMetrics.CountAuthFailure(context, StatusCodes.Status403Forbidden, suspended ? "suspended" : "forbidden");
        var surface = SurfaceErrors.For(context) ?? SingleErrorSurface.Client;
        return surface.Error(StatusCodes.Status403Forbidden, surface.Forbidden(suspended)).ExecuteAsync(context);
    }
}

/// <summary>Why the request's credentials were refused, for the challenge's message.</summary>
public sealed record AuthFailureFeature(AuthFailure Failure);
