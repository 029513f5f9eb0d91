using System.Linq.Expressions;
using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>The one rule for "may this caller touch this zone?", used by every service and so by every surface:
/// the zone is the caller's account's, in the caller's environment, and — when the caller is a partner's end
/// user — that user's. Anything else is reported as not found, never as forbidden, so another tenant's ids
/// reveal nothing.</summary>
public static class ZoneAccess
{
    public static bool Allows(Actor actor, Zone zone) => Allows(actor, zone.AccountId, zone.Environment, zone.UserId);

    public static bool Allows(Actor actor, Guid accountId, ApiEnvironment environment, Guid? userId) =>
        accountId == actor.AccountId && environment == actor.Environment && (actor.UserId is null || userId == actor.UserId);

    /// <summary>The same rule as a query filter.</summary>
    public static Expression<Func<Zone, bool>> VisibleTo(Actor actor)
    {
        var accountId = actor.AccountId;
        var environment = actor.Environment;
        if (actor.UserId is not { } userId) return z => z.AccountId == accountId && z.Environment == environment;
        return z => z.AccountId == accountId && z.Environment == environment && z.UserId == userId;
    }
}
