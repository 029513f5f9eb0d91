using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Auth;

/// <summary>The claims every authentication scheme puts on its principal, and the <see cref="Actor"/> read back
/// from them: account and its kind, key or session, environment, scopes, and the partner's user.</summary>
public static class MeridianClaims
{
    public const string Account = "meridian:account";
    public const string AccountKind = "meridian:account_kind";
    public const string Key = "meridian:key";
    public const string Session = "meridian:session";
    public const string User = "meridian:user";
    public const string Environment = "meridian:environment";
    public const string Scope = "meridian:scope";
    public const string Suspended = "meridian:suspended";

    public static ClaimsPrincipal Principal(string scheme, Account account, Actor actor, IEnumerable<string> scopes)
    {
        var claims = new List<Claim>
        {
            new(Account, account.Id.ToString()),
            new(AccountKind, account.Kind.ToString().ToLowerInvariant()),
            new(Environment, actor.Environment.ToString().ToLowerInvariant()),
        };
        if (actor.ApiKeyId is { } key) claims.Add(new Claim(Key, key.ToString()));
        if (actor.SessionId is { } session) claims.Add(new Claim(Session, session.ToString()));
        if (actor.UserId is { } user) claims.Add(new Claim(User, user.ToString()));
        if (account.SuspendedAt is not null) claims.Add(new Claim(Suspended, "true"));
        claims.AddRange(scopes.Select(s => new Claim(Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller as the platform's services know it; only on endpoints that require authentication.</summary>
    public static Actor Actor(this HttpContext context)
    {
        // The scheme that authenticated the request left the actor it made; parse the claims only when it did not.
        if (context.Features.Get<ActorFeature>() is { } feature) return feature.Actor;
        return TryGetActor(context.User, out var actor) ? actor : throw new InvalidOperationException("the endpoint does not require authentication");
    }

    /// <summary>The caller when the request was authenticated; false for an anonymous request.</summary>
    public static bool TryGetActor(this HttpContext context, out Actor actor)
    {
        if (context.Features.Get<ActorFeature>() is { } feature)
        {
            actor = feature.Actor;
            return true;
        }
        return TryGetActor(context.User, out actor);
    }

    public static bool TryGetActor(ClaimsPrincipal principal, [NotNullWhen(true)] out Actor actor)
    {
        actor = default;
        if (!Guid.TryParse(principal.FindFirstValue(Account), out var account)) return false;
        var environment = principal.FindFirstValue(Environment) == "sandbox" ? ApiEnvironment.Sandbox : ApiEnvironment.Production;
        actor = new Actor(account, GuidOrNull(principal, Key), environment, GuidOrNull(principal, User), GuidOrNull(principal, Session));
        return true;
    }

    private static Guid? GuidOrNull(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var value) ? value : null;
}

/// <summary>The actor an authentication handler made for the request, kept so endpoints need not parse claims.</summary>
public sealed record ActorFeature(Actor Actor);
