using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>Who is calling a service: the account (ownership is checked against it), the key used (for the
/// audit log; null for operator commands) and the environment the key belongs to.</summary>
public readonly record struct Actor(Guid AccountId, Guid? ApiKeyId, ApiEnvironment Environment)
{
    /// <summary>An account acting without a key (CLI, tests): production environment.</summary>
    public static Actor ForAccount(Guid accountId, ApiEnvironment environment = ApiEnvironment.Production) =>
        new(accountId, null, environment);
}
