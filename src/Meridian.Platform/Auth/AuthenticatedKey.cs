using Meridian.Platform.Model;

namespace Meridian.Platform.Auth;

/// <summary>A presented token that matched a live key: the key and its account.</summary>
public sealed record AuthenticatedKey(Account Account, ApiKey Key)
{
    public Actor Actor => new(Account.Id, Key.Id, Key.Environment);
}
