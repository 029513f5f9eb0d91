using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Tests.Services;

/// <summary>Tokens: issue, authenticate, rotate (old token rejected at once), revoke; accounts.</summary>
public abstract class ApiKeyServiceTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private async Task<(Account Account, IssuedApiKey Issued)> AccountWithKeyAsync(ApiEnvironment environment = ApiEnvironment.Production)
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "Acme", "ops@acme.example", 5));
        return (account, Ok(await Keys.IssueAsync(account.Id, "deploy", environment, ["dns:write"])));
    }

    [Fact]
    public async Task An_issued_token_authenticates_and_only_its_hash_is_stored()
    {
        var (account, issued) = await AccountWithKeyAsync();
        Assert.StartsWith("mk_live_" + issued.Key.KeyId + "_", issued.Token, StringComparison.Ordinal);
        var authenticated = await Keys.AuthenticateAsync(issued.Token);
        Assert.NotNull(authenticated);
        Assert.Equal(account.Id, authenticated.Account.Id);
        Assert.Equal(issued.Key.Id, authenticated.Key.Id);
        Assert.Equal(new Actor(account.Id, issued.Key.Id, ApiEnvironment.Production), authenticated.Actor);
        Assert.NotNull(await Keys.AuthenticateAsync("Bearer " + issued.Token));

        await using var db = Database.CreateContext();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == issued.Key.Id);
        string secret = issued.Token[(issued.Token.LastIndexOf('_') + 1)..];
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)), stored.SecretHash);
        Assert.Equal(["dns:write"], stored.Scopes);
        Assert.Equal("mk_live_" + stored.KeyId, stored.Prefix);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Last_used_is_written_at_most_once_a_minute()
    {
        var (_, issued) = await AccountWithKeyAsync();
        var first = (await Keys.AuthenticateAsync(issued.Token))!.Key.LastUsedAt;
        Clock.Advance(TimeSpan.FromSeconds(30));
        await Keys.AuthenticateAsync(issued.Token);
        Assert.Equal(first, await LastUsedAsync(issued.Key.Id));
        Clock.Advance(TimeSpan.FromSeconds(31));
        await Keys.AuthenticateAsync(issued.Token);
        var later = await LastUsedAsync(issued.Key.Id);
        Assert.NotNull(later);
        Assert.True(later > first, $"{later:O} after {first:O}");
    }

    private async Task<DateTime?> LastUsedAsync(Guid keyId)
    {
        await using var db = Database.CreateContext();
        return (await db.ApiKeys.SingleAsync(k => k.Id == keyId)).LastUsedAt;
    }

    [Fact]
    public async Task Sandbox_keys_carry_the_test_prefix_and_environment()
    {
        var (_, issued) = await AccountWithKeyAsync(ApiEnvironment.Sandbox);
        Assert.StartsWith("mk_test_", issued.Token, StringComparison.Ordinal);
        Assert.Equal(ApiEnvironment.Sandbox, (await Keys.AuthenticateAsync(issued.Token))!.Actor.Environment);
        // The environment is part of the token: the same key id and secret under the other prefix fail.
        Assert.Null(await Keys.AuthenticateAsync("mk_live_" + issued.Token[8..]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("mk_live_aaaaaaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Malformed_or_unknown_tokens_are_rejected(string? token)
    {
        await AccountWithKeyAsync();
        Assert.Null(await Keys.AuthenticateAsync(token));
    }

    [Fact]
    public async Task A_wrong_secret_for_a_real_key_id_is_rejected()
    {
        var (_, issued) = await AccountWithKeyAsync();
        char last = issued.Token[^1] == 'a' ? 'b' : 'a';
        Assert.Null(await Keys.AuthenticateAsync(issued.Token[..^1] + last));
    }

    [Fact]
    public async Task Rotation_returns_a_new_token_and_rejects_the_old_one_at_once()
    {
        var (account, issued) = await AccountWithKeyAsync();
        var actor = (await Keys.AuthenticateAsync(issued.Token))!.Actor;
        var rotated = Ok(await Accounts.RotateKeyAsync(actor));
        Assert.Equal(account.Id, rotated.Account.Id);
        Assert.NotEqual(issued.Token, rotated.Issued.Token);
        Assert.Equal("deploy", rotated.Issued.Key.Name);
        Assert.Equal(["dns:write"], rotated.Issued.Key.Scopes);
        Assert.Null(await Keys.AuthenticateAsync(issued.Token));
        Assert.Equal(account.Id, (await Keys.AuthenticateAsync(rotated.Issued.Token))!.Account.Id);
        // The revoked key cannot rotate again.
        Refused(await Accounts.RotateKeyAsync(actor), ServiceErrorKind.Unauthorized);
    }

    [Fact]
    public async Task Revoke_rejects_the_token_and_is_scoped_to_the_account()
    {
        var (account, issued) = await AccountWithKeyAsync();
        var (other, _) = await AccountWithKeyAsync();
        Refused(await Keys.RevokeAsync(other.Id, issued.Key.Id), ServiceErrorKind.NotFound);
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        Assert.NotNull(Ok(await Keys.RevokeAsync(account.Id, issued.Key.Id)).RevokedAt);
        Assert.Null(await Keys.AuthenticateAsync(issued.Token));
        Assert.Single(await Keys.ListAsync(account.Id));
    }

    [Fact]
    public async Task Accounts_are_created_listed_and_limited()
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Partner, "  Reseller  ", null, null));
        Assert.Equal("Reseller", account.Name);
        Assert.Equal(AccountKind.Partner, Ok(await Accounts.GetAsync(account.Id)).Kind);
        Assert.Contains(await Accounts.ListAsync(), a => a.Id == account.Id);
        Assert.Equal(3, Ok(await Accounts.SetDomainLimitAsync(account.Id, 3)).DomainLimit);
        Assert.Equal(3, Ok(await Accounts.GetAsync(account.Id)).DomainLimit);
        Refused(await Accounts.SetDomainLimitAsync(account.Id, -1), ServiceErrorKind.Validation);
        Refused(await Accounts.CreateAsync(AccountKind.Client, "", null), ServiceErrorKind.Validation);
        Refused(await Accounts.CreateAsync(AccountKind.Client, "x", "not-an-email"), ServiceErrorKind.Validation);
        Refused(await Accounts.GetAsync(Guid.NewGuid()), ServiceErrorKind.NotFound);
        Refused(await Keys.IssueAsync(Guid.NewGuid(), "k", ApiEnvironment.Production), ServiceErrorKind.NotFound);
    }
}

public sealed class ApiKeyServiceSqliteTests() : ApiKeyServiceTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ApiKeyServicePostgresTests(PostgresServer server) : ApiKeyServiceTests(server.NewDatabase());
