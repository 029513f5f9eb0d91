using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Services;

/// <summary>A caller's view of its own account's keys (the Partner API's <c>/keys</c>): only the keys of the
/// caller's environment exist for it, so a sandbox key can neither see nor touch production's, and a key can grant a
/// new key only the scopes it holds itself.</summary>
public sealed partial class ApiKeyService
{
    public async Task<IReadOnlyList<ApiKey>> ListOwnAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = _database.CreateContext();
        return await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == actor.AccountId && k.Environment == actor.Environment)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId).ToListAsync(cancellationToken);
    }

    /// <param name="callerScopes">The scopes of the key making the call; the new key gets these when
    /// <paramref name="scopes"/> names none, and may not get any other.</param>
    public async Task<ServiceResult<IssuedApiKey>> IssueOwnAsync(Actor actor, IReadOnlyCollection<string> callerScopes, string? name,
        IReadOnlyList<string>? scopes, CancellationToken cancellationToken = default)
    {
        var requested = new List<string>();
        foreach (string scope in scopes ?? [])
        {
            if (Scopes.Canonical(scope) is not { } known)
                return ServiceError.Validation($"Unknown scope '{scope}'; scopes are: {string.Join(", ", Scopes.Known)}", "scopes", "unknown_scope");
            if (!callerScopes.Contains(known))
                return ServiceError.Forbidden($"This key does not hold the scope '{known}', so it cannot grant it");
            requested.Add(known);
        }
        return await IssueAsync(actor.AccountId, name ?? "", actor.Environment, requested.Count > 0 ? requested : [.. callerScopes], cancellationToken);
    }

    /// <summary>Revokes a key of the caller's account and environment; any other key is not found.</summary>
    public Task<ServiceResult<ApiKey>> RevokeOwnAsync(Actor actor, Guid apiKeyId, CancellationToken cancellationToken = default) =>
        RevokeAsync(actor.AccountId, k => k.Id == apiKeyId && k.Environment == actor.Environment, cancellationToken);
}
