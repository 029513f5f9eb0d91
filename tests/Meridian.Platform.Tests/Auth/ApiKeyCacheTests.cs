using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Auth;

/// <summary>The per-process key cache: changes made in this process count at once, keys made elsewhere work
/// at once, and revocations made elsewhere count once the configured bound has passed.</summary>
public abstract class ApiKeyCacheTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    protected override void Configure(IServiceCollection services) =>
        services.Configure<ApiKeyCacheOptions>(o => o.RevalidateAfter = Bound);

    /// <summary>Another process on the same database, with a clock of its own.</summary>
    private ServiceProvider OtherProcess() => NewNode(new ManualClock(DateTimeOffset.UtcNow)).Services;

    private async Task<(Account Account, IssuedApiKey Issued)> AccountWithKeyAsync()
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Client, "cached " + Guid.NewGuid().ToString("N")[..6], "ops@example.net"));
        return (account, Ok(await Keys.IssueAsync(account.Id, "deploy", ApiEnvironment.Production)));
    }

    [Fact]
    public async Task A_key_issued_by_another_process_authenticates_at_once()
    {
        var (account, issued) = await AccountWithKeyAsync();
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        await using var other = OtherProcess();
        var fromCli = Ok(await other.GetRequiredService<ApiKeyService>().IssueAsync(account.Id, "from the CLI", ApiEnvironment.Production));

        var authenticated = await Keys.AuthenticateAsync(fromCli.Token);
        Assert.NotNull(authenticated);
        Assert.Equal(fromCli.Key.Id, authenticated.Key.Id);
    }

    [Fact]
    public async Task A_revocation_by_another_process_counts_once_the_bound_has_passed()
    {
        var (account, issued) = await AccountWithKeyAsync();
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        await using (var other = OtherProcess())
            Ok(await other.GetRequiredService<ApiKeyService>().RevokeAsync(account.Id, issued.Key.Id));

        Clock.Advance(Bound);
        Assert.Null(await Keys.AuthenticateAsync(issued.Token));
    }

    [Fact]
    public async Task A_revocation_written_to_the_database_directly_counts_once_the_bound_has_passed()
    {
        var (_, issued) = await AccountWithKeyAsync();
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        await using (var db = Database.CreateContext())
        {
            var revokedAt = Clock.GetUtcNow().UtcDateTime;
            await db.ApiKeys.Where(k => k.Id == issued.Key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, revokedAt));
        }

        Clock.Advance(Bound);
        Assert.Null(await Keys.AuthenticateAsync(issued.Token));
    }

    [Fact]
    public async Task Revoking_in_this_process_rejects_a_cached_key_at_once()
    {
        var (account, issued) = await AccountWithKeyAsync();
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        Ok(await Keys.RevokeAsync(account.Id, issued.Key.Id));
        Assert.Null(await Keys.AuthenticateAsync(issued.Token));
    }

    [Fact]
    public async Task Rotating_every_key_of_an_account_rejects_each_cached_key_at_once()
    {
        var (account, first) = await AccountWithKeyAsync();
        var second = Ok(await Keys.IssueAsync(account.Id, "second", ApiEnvironment.Production));
        Assert.NotNull(await Keys.AuthenticateAsync(first.Token));
        Assert.NotNull(await Keys.AuthenticateAsync(second.Token));

        var rotated = Ok(await Accounts.RotateKeyAsync(Actor.ForAccount(account.Id)));
        Assert.Null(await Keys.AuthenticateAsync(first.Token));
        Assert.Null(await Keys.AuthenticateAsync(second.Token));
        Assert.NotNull(await Keys.AuthenticateAsync(rotated.Issued.Token));
    }

    [Fact]
    public async Task A_cached_key_still_checks_the_secret_and_the_environment()
    {
        var (_, issued) = await AccountWithKeyAsync();
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
        char last = issued.Token[^1] == 'a' ? 'b' : 'a';
        Assert.Null(await Keys.AuthenticateAsync(issued.Token[..^1] + last));
        Assert.Null(await Keys.AuthenticateAsync("mk_test_" + issued.Token[8..]));
        Assert.NotNull(await Keys.AuthenticateAsync(issued.Token));
    }

    [Fact]
    public async Task Callers_get_their_own_copies_of_the_cached_key()
    {
        var (_, issued) = await AccountWithKeyAsync();
        var first = await Keys.AuthenticateAsync(issued.Token);
        first!.Key.RevokedAt = DateTime.UtcNow;
        first.Account.Kind = AccountKind.Admin;
        var second = await Keys.AuthenticateAsync(issued.Token);
        Assert.NotNull(second);
        Assert.Null(second.Key.RevokedAt);
        Assert.Equal(AccountKind.Client, second.Account.Kind);
    }
}

public sealed class ApiKeyCacheSqliteTests() : ApiKeyCacheTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class ApiKeyCachePostgresTests(PostgresServer server) : ApiKeyCacheTests(server.NewDatabase());
