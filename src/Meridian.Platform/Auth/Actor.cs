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

    /// <summary>The journal's name for a caller that is neither a key nor a session (the Simple API's
    /// <c>simple:USER</c>); null for every other caller.</summary>
    public string? NamedPrincipal { get; init; }

    /// <summary>How the change journal names this caller: <c>key:ID</c>, <c>session:ID</c>, <c>account:ID</c>, or
    /// <see cref="NamedPrincipal"/> when set.</summary>
    public string Principal => NamedPrincipal ??
        (SessionId is { } session ? $"session:{session}" : ApiKeyId is { } key ? $"key:{key}" : $"account:{AccountId}");
}
