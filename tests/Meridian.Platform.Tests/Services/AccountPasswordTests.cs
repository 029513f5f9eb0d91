using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Meridian.Platform.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Services;

/// <summary>Dashboard passwords: only a hash is stored, sign-in is by email (any case), a wrong password and an
/// unknown email are refused alike, and wrong passwords in a row pause sign-ins for that account.</summary>
public abstract class AccountPasswordTests(ITestStorage storage) : PlatformTestBase(storage)
{
    private const string Password = "correct horse battery";

    private AccountPasswordService Passwords => Services.GetRequiredService<AccountPasswordService>();

    private async Task<Account> PartnerWithPasswordAsync(string email = "ops@reseller.example")
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Partner, "Reseller " + Guid.NewGuid().ToString("N")[..6], email));
        Ok(await Passwords.SetAsync(account.Id, Password));
        return account;
    }

    [Fact]
    public async Task The_password_is_stored_as_a_hash_and_signs_in_by_email_in_any_case()
    {
        var account = await PartnerWithPasswordAsync();
        await using (var db = Database.CreateContext())
        {
            var stored = await db.Accounts.SingleAsync(a => a.Id == account.Id);
            Assert.NotNull(stored.PasswordHash);
            Assert.DoesNotContain(Password, stored.PasswordHash, StringComparison.Ordinal);
            Assert.Contains(await db.AuditEvents.ToListAsync(), e => e.AccountId == account.Id && e.Action == "account.password");
        }
        Assert.Equal(account.Id, Ok(await Passwords.VerifyAsync("OPS@Reseller.example ", Password)).Id);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_refusal()
    {
        await PartnerWithPasswordAsync();
        var wrong = Refused(await Passwords.VerifyAsync("ops@reseller.example", Password + "!"), ServiceErrorKind.Unauthorized);
        var unknown = Refused(await Passwords.VerifyAsync("nobody@reseller.example", Password), ServiceErrorKind.Unauthorized);
        Assert.Equal(wrong.Message, unknown.Message);
        Assert.Equal("invalid_credentials", wrong.Problems[0].Code);
        Refused(await Passwords.VerifyAsync("", Password), ServiceErrorKind.Unauthorized);
    }

    [Fact]
    public async Task An_account_without_a_password_cannot_sign_in_and_short_passwords_are_refused()
    {
        var account = Ok(await Accounts.CreateAsync(AccountKind.Partner, "No password", "np@reseller.example"));
        Refused(await Passwords.VerifyAsync("np@reseller.example", ""), ServiceErrorKind.Unauthorized);
        var tooShort = Refused(await Passwords.SetAsync(account.Id, "short"), ServiceErrorKind.Validation);
        Assert.Equal("password", tooShort.Problems[0].Field);
        var noEmail = Ok(await Accounts.CreateAsync(AccountKind.Partner, "No email", null));
        Refused(await Passwords.SetAsync(noEmail.Id, Password), ServiceErrorKind.Validation);
        Refused(await Passwords.SetAsync(Guid.NewGuid(), Password), ServiceErrorKind.NotFound);
    }

    [Fact]
    public async Task Wrong_passwords_in_a_row_pause_sign_ins_even_with_the_right_password_until_the_pause_ends()
    {
        await PartnerWithPasswordAsync();
        for (int i = 0; i < AccountPasswordService.FreeAttempts; i++)
            Refused(await Passwords.VerifyAsync("ops@reseller.example", "wrong password " + i), ServiceErrorKind.Unauthorized);

        var paused = Refused(await Passwords.VerifyAsync("ops@reseller.example", Password), ServiceErrorKind.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(30), paused.RetryAfter);

        Clock.Advance(TimeSpan.FromSeconds(31));
        Refused(await Passwords.VerifyAsync("ops@reseller.example", "wrong again"), ServiceErrorKind.Unauthorized);
        var longer = Refused(await Passwords.VerifyAsync("ops@reseller.example", Password), ServiceErrorKind.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(60), longer.RetryAfter);

        Clock.Advance(TimeSpan.FromSeconds(61));
        Ok(await Passwords.VerifyAsync("ops@reseller.example", Password));
        // A success starts the count again.
        Refused(await Passwords.VerifyAsync("ops@reseller.example", "wrong"), ServiceErrorKind.Unauthorized);
        Ok(await Passwords.VerifyAsync("ops@reseller.example", Password));
    }

    [Fact]
    public void The_pause_doubles_up_to_fifteen_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), AccountPasswordService.PauseAfter(5));
        Assert.Equal(TimeSpan.FromSeconds(120), AccountPasswordService.PauseAfter(7));
        Assert.Equal(TimeSpan.FromMinutes(15), AccountPasswordService.PauseAfter(50));
    }
}

public sealed class AccountPasswordSqliteTests() : AccountPasswordTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class AccountPasswordPostgresTests(PostgresServer server) : AccountPasswordTests(server.NewDatabase());
