using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Services;

/// <summary>Partner users, sign-in links and sessions, the zone access rule for a user, and suspension.</summary>
public abstract class PartnerUserTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private UserService Users => Services.GetRequiredService<UserService>();

    private LoginService Logins => Services.GetRequiredService<LoginService>();

    private async Task<Actor> NewPartnerAsync(ApiEnvironment environment = ApiEnvironment.Production)
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Partner, "partner " + Guid.NewGuid().ToString("N")[..6], "p@example.net"));
        var key = Ok(await Keys.IssueAsync(account.Id, "live", environment));
        Assert.Equal(Scopes.DefaultsFor(AccountKind.Partner), key.Key.Scopes);
        return new Actor(account.Id, key.Key.Id, environment);
    }

    [Fact]
    public async Task A_user_identifier_is_unique_per_partner_and_environment()
    {
        var partner = await NewPartnerAsync();
        var first = Ok(await Users.FindOrCreateAsync(partner, "user-1", "a@example.net"));
        var again = Ok(await Users.FindOrCreateAsync(partner, "user-1", null));
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.User.Id, again.User.Id);
        Assert.Equal("a@example.net", again.User.Email);

        var sandbox = Ok(await Users.FindOrCreateAsync(partner with { Environment = ApiEnvironment.Sandbox }, "user-1", null));
        var other = Ok(await Users.FindOrCreateAsync(await NewPartnerAsync(), "user-1", null));
        Assert.NotEqual(first.User.Id, sandbox.User.Id);
        Assert.NotEqual(first.User.Id, other.User.Id);
    }

    [Fact]
    public async Task A_sign_in_link_works_once_within_24_hours_and_its_session_acts_as_the_user()
    {
        var partner = await NewPartnerAsync();
        var user = Ok(await Users.FindOrCreateAsync(partner, "u", null)).User;
        var mine = Ok(await Domains.CreateAsync(partner, "mine-" + Guid.NewGuid().ToString("N")[..6] + ".com", user.Id));
        var other = Ok(await Users.FindOrCreateAsync(partner, "v", null)).User;
        var theirs = Ok(await Domains.CreateAsync(partner, "theirs-" + Guid.NewGuid().ToString("N")[..6] + ".com", other.Id));

        var link = await Logins.IssueAsync(partner, user);
        var exchange = await Logins.ExchangeAsync(link.Token);
        Assert.Equal(LoginOutcome.SignedIn, exchange.Outcome);
        Assert.Equal(LoginOutcome.Used, (await Logins.ExchangeAsync(link.Token)).Outcome);

        var session = await Logins.AuthenticateAsync(exchange.SessionToken);
        Assert.NotNull(session);
        Assert.Equal(user.Id, session.Actor.UserId);
        Assert.Equal([mine.Id], (await Domains.ListAsync(session.Actor)).Select(z => z.Id));
        Refused(await Domains.GetAsync(session.Actor, theirs.Id), ServiceErrorKind.NotFound);
        Assert.Equal(2, (await Domains.ListAsync(partner)).Count);

        var late = await Logins.IssueAsync(partner, user);
        Clock.Advance(LoginService.LinkLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(LoginOutcome.Expired, (await Logins.ExchangeAsync(late.Token)).Outcome);
        Assert.Null(await Logins.AuthenticateAsync(exchange.SessionToken));
        Assert.Equal(LoginOutcome.Unknown, (await Logins.ExchangeAsync("nope")).Outcome);
    }

    [Fact]
    public async Task Concurrent_openings_of_one_link_sign_in_once()
    {
        var partner = await NewPartnerAsync();
        var user = Ok(await Users.FindOrCreateAsync(partner, "race", null)).User;
        var link = await Logins.IssueAsync(partner, user);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Logins.ExchangeAsync(link.Token))));
        Assert.Single(outcomes, o => o.Outcome == LoginOutcome.SignedIn);
        Assert.All(outcomes.Where(o => o.Outcome != LoginOutcome.SignedIn), o => Assert.Equal(LoginOutcome.Used, o.Outcome));
    }

    [Fact]
    public async Task Suspension_is_recorded_and_undone_without_touching_zones()
    {
        var partner = await NewPartnerAsync();
        var zone = Ok(await Domains.CreateAsync(partner, "susp-" + Guid.NewGuid().ToString("N")[..6] + ".com"));
        var suspended = Ok(await Accounts.SetSuspendedAsync(partner.AccountId, true));
        Assert.NotNull(suspended.SuspendedAt);
        Assert.True(await Served.IsServedAsync(zone.Name));
        Assert.Null(Ok(await Accounts.SetSuspendedAsync(partner.AccountId, false)).SuspendedAt);
    }
}

public sealed class PartnerUserSqliteTests() : PartnerUserTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class PartnerUserPostgresTests(PostgresServer server) : PartnerUserTests(server.NewDatabase());
