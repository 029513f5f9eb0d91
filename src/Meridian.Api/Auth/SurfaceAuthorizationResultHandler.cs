using Meridian.Api.Surfaces;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Auth;

/// <summary>Turns an authorization failure into the surface's 401 or 403: unauthenticated, or authenticated as an
/// account this surface does not serve, is 401 (403 on the admin surface, see <see cref="Policies"/>); a missing
/// scope or a suspended account is 403.</summary>
public sealed class SurfaceAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        bool wrongKind = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<AccountKindRequirement>().Any(r => !r.OtherKindsForbidden) == true;
        if (authorizeResult.Challenged || wrongKind)
        {
            if (wrongKind) context.Features.Set(new AuthFailureFeature(AuthFailure.Invalid));
            await AuthResponses.ChallengeAsync(context);
            return;
        }
        await AuthResponses.ForbidAsync(context);
    }
}
