using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>Who is calling a service: the account (ownership is checked against it), the key used (null for
/// operator commands and browser sessions), the environment, and — for a partner's end user signed in through a
/// <c>login_url</c> — that user and the session. <see cref="ZoneAccess"/> decides what it may touch.</summary>
public readonly record struct Actor(Guid AccountId, Guid? ApiKeyId, ApiEnvironment Environment, Guid? UserId = null, Guid? SessionId = null)
{
    /// <summary>An account acting without a key (CLI, tests): production environment.</summary>
    public static Actor ForAccount(Guid accountId, ApiEnvironment environment = ApiEnvironment.Production) =>
        new(accountId, null, environment);

    /// <summary>How the change journal names this caller: <c>key:ID</c>, <c>session:ID</c> or <c>account:ID</c>.</summary>
    public string Principal =>
        SessionId is { } session ? $"session:{session}" : ApiKeyId is { } key ? $"key:{key}" : $"account:{AccountId}";
}
