using System.ComponentModel.DataAnnotations;
using Meridian.Platform.Model;

namespace Meridian.Api.Admin;

/// <summary>An account as the admin API shows it.</summary>
public sealed record AccountResponse(Guid Id, string Kind, string Name, string? Email, int? DomainLimit, DateTime? SuspendedAt, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AccountResponse From(Account account) =>
        new(account.Id, account.Kind.ToString().ToLowerInvariant(), account.Name, account.Email, account.DomainLimit, account.SuspendedAt,
            account.CreatedAt, account.UpdatedAt);
}

/// <summary>POST /api/admin/accounts.</summary>
public sealed record CreateAccountRequest([property: Required] string? Kind, [property: Required] string? Name, string? Email, int? DomainLimit);

/// <summary>PATCH /api/admin/accounts/{id}: the domain limit (null = unlimited).</summary>
public sealed record UpdateAccountRequest(int? DomainLimit);

/// <summary>POST /api/admin/accounts/{id}/keys.</summary>
public sealed record CreateKeyRequest([property: Required] string? Name, string? Environment, List<string>? Scopes);

/// <summary>A key without its secret; <see cref="Token"/> is set only in the answer that creates it.</summary>
public sealed record KeyResponse(Guid Id, string Name, string Environment, string KeyId, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, string? Token)
{
    public static KeyResponse From(ApiKey key, string? token = null) =>
        new(key.Id, key.Name, key.Environment.ToString().ToLowerInvariant(), key.KeyId, key.Prefix, key.Scopes, key.CreatedAt, key.LastUsedAt,
            key.RevokedAt, token);
}
