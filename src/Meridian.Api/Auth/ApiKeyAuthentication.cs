using Meridian.Api.Http;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Auth;

/// <summary>Token authentication for the surfaces that take <c>Authorization: Bearer TOKEN</c> (or the bare
/// token). The key is checked by <see cref="ApiKeyService"/> (hash lookup, constant-time compare); a
/// missing, unknown or revoked token, or one of another kind of account, is 401.</summary>
public static class ApiKeyAuthentication
{
    private const string ItemKey = "meridian.key";

    /// <summary>The authenticated key of the current request (set by the filter).</summary>
    public static AuthenticatedKey Key(this HttpContext context) => (AuthenticatedKey)context.Items[ItemKey]!;

    public static Actor Actor(this HttpContext context) => context.Key().Actor;

    /// <summary>An endpoint filter that admits only keys of accounts of <paramref name="kind"/>.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, AccountKind kind) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            string? token = TokenFrom(context.Request.Headers.Authorization.ToString());
            if (token is null) return ApiErrors.Result(StatusCodes.Status401Unauthorized, "Missing API token: send 'Authorization: Bearer <token>'");
            var keys = context.RequestServices.GetRequiredService<ApiKeyService>();
            var key = await keys.AuthenticateAsync(token, context.RequestAborted);
            if (key is null || key.Account.Kind != kind) return ApiErrors.Result(StatusCodes.Status401Unauthorized, "Invalid API token");
            context.Items[ItemKey] = key;
            return await next(invocation);
        });

    /// <summary>"Bearer TOKEN" or the bare token; null when there is none.</summary>
    internal static string? TokenFrom(string header)
    {
        header = header.Trim();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) header = header[7..].Trim();
        return header.Length == 0 || header.Contains(' ', StringComparison.Ordinal) ? null : header;
    }
}
