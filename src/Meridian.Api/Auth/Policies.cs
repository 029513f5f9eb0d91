using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Microsoft.AspNetCore.Authorization;

namespace Meridian.Api.Auth;

/// <summary>The authorization policies: one per surface (whose accounts may call it, and only while not
/// suspended) and one per scope. A surface's route group requires its policy; each endpoint requires the
/// scope it needs. On the tenants' surfaces a key of another kind of account is answered as unauthenticated (401),
/// as their specs answer a key they do not know; on the operators' admin surface it is forbidden (403): the caller is
/// known, and not allowed. A missing scope or a suspended account is forbidden (403) everywhere.</summary>
public static class Policies
{
    public const string Partner = "partner";
    public const string Client = "client";
    public const string Admin = "admin";

    public static string Scope(string scope) => "scope:" + scope;

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Partner, p => Surface(p, AccountKind.Partner));
        options.AddPolicy(Client, p => Surface(p, AccountKind.Client));
        options.AddPolicy(Admin, p => Surface(p, AccountKind.Admin, otherKindsForbidden: true));
        // A scope policy names no scheme: it always stands beside its surface's policy, which does, and a scheme
        // named twice would be authenticated and merged twice per request.
        foreach (string scope in Scopes.Known)
            options.AddPolicy(Scope(scope), p => p.RequireClaim(MeridianClaims.Scope, scope));
    }

    private static void Surface(AuthorizationPolicyBuilder policy, AccountKind kind, bool otherKindsForbidden = false) =>
        policy.AddAuthenticationSchemes(MeridianAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new AccountKindRequirement(kind, otherKindsForbidden), new ActiveAccountRequirement());
}

/// <summary>The caller's account is of this kind (a surface serves one kind of account).
/// <paramref name="otherKindsForbidden"/>: another kind is refused with 403 rather than 401.</summary>
public sealed class AccountKindRequirement(AccountKind kind, bool otherKindsForbidden = false) : AuthorizationHandler<AccountKindRequirement>, IAuthorizationRequirement
{
    public AccountKind Kind { get; } = kind;

    public bool OtherKindsForbidden { get; } = otherKindsForbidden;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AccountKindRequirement requirement)
    {
        if (context.User.HasClaim(MeridianClaims.AccountKind, requirement.Kind.ToString().ToLowerInvariant())) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>The caller's account is not suspended by an operator.</summary>
public sealed class ActiveAccountRequirement : AuthorizationHandler<ActiveAccountRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveAccountRequirement requirement)
    {
        if (!context.User.HasClaim(MeridianClaims.Suspended, "true")) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
