using Meridian.Dns.Names;
using Meridian.Platform.Model;
using Meridian.Platform.Tests.Support;
using Meridian.Platform.Transfer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Platform.Tests.Transfer;

/// <summary>TSIG secrets at rest: encrypted with the database's Data Protection key ring, never the secret itself in the
/// column; rows stored in plain before encryption are encrypted when a process starts; and another process over the
/// same database (another node, a CLI command) reads them back.</summary>
public abstract class TsigSecretStorageTests(ITestStorage storage) : PlatformTestBase(storage)
{
    protected override void Configure(IServiceCollection services)
    {
        services.AddLogging();
        services.AddMeridianTransfers();
    }

    private TsigKeyService TsigKeys => Services.GetRequiredService<TsigKeyService>();

    private async Task<string> StoredSecretAsync(string name)
    {
        await using var db = Database.CreateContext();
        return (await db.TsigKeys.AsNoTracking().SingleAsync(k => k.Name == name)).Secret;
    }

    [Fact]
    public async Task The_stored_column_holds_the_secret_encrypted_and_the_keyring_decrypts_it()
    {
        var created = Ok(await TsigKeys.CreateAsync("acme", "hmac-sha512", ["example.com"], ["_acme-challenge.example.com"]));
        var secret = Convert.FromBase64String(created.Secret);

        string stored = await StoredSecretAsync("acme.");
        Assert.DoesNotContain(created.Secret, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret).TrimEnd('='), stored, StringComparison.Ordinal);
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.True(stored.Length <= 256, $"{stored.Length} characters do not fit the column");

        var key = Services.GetRequiredService<TsigKeyring>().Find(DnsName.Parse("acme."));
        Assert.NotNull(key);
        Assert.Equal(secret, key.Secret);
    }

    [Fact]
    public async Task Another_process_over_the_same_database_decrypts_with_the_shared_key_ring()
    {
        var created = Ok(await TsigKeys.CreateAsync("xfr", null, null, null));
        await using var other = NewNode(Clock).Services;
        var key = other.GetRequiredService<TsigKeyring>().Find(DnsName.Parse("xfr."));
        Assert.NotNull(key);
        Assert.Equal(Convert.FromBase64String(created.Secret), key.Secret);
    }

    [Fact]
    public async Task Secrets_stored_in_plain_before_encryption_are_encrypted_at_start_and_still_work()
    {
        var secret = Enumerable.Range(1, 32).Select(i => (byte)(i * 3)).ToArray();
        await using (var db = Database.CreateContext())
        {
            db.TsigKeys.Add(new TsigKeyEntry
            {
                Id = Guid.NewGuid(), Name = "legacy.", Algorithm = "hmac-sha256", Secret = Convert.ToBase64String(secret), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        // Until the next start, the plain row is still read.
        Services.GetRequiredService<TsigKeyring>().Invalidate();
        Assert.Equal(secret, Services.GetRequiredService<TsigKeyring>().Find(DnsName.Parse("legacy."))!.Secret);

        await using var restarted = NewNode(Clock).Services;
        await restarted.GetRequiredService<PlatformStartup>().StartAsync();

        string stored = await StoredSecretAsync("legacy.");
        Assert.StartsWith("dp1:", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret), stored, StringComparison.Ordinal);
        Assert.Equal(secret, restarted.GetRequiredService<TsigKeyring>().Find(DnsName.Parse("legacy."))!.Secret);
        // Starting again changes nothing more.
        Assert.Equal(0, await restarted.GetRequiredService<TsigSecretProtection>().ProtectPlainSecretsAsync(Database, CancellationToken.None));
        Assert.Equal(stored, await StoredSecretAsync("legacy."));
    }

    [Fact]
    public async Task A_secret_that_does_not_decrypt_leaves_only_that_key_out()
    {
        Ok(await TsigKeys.CreateAsync("good", null, null, null));
        await using (var db = Database.CreateContext())
        {
            db.TsigKeys.Add(new TsigKeyEntry { Id = Guid.NewGuid(), Name = "tampered.", Algorithm = "hmac-sha256", Secret = "dp1:AAAA", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var keyring = Services.GetRequiredService<TsigKeyring>();
        keyring.Invalidate();
        Assert.Null(keyring.Find(DnsName.Parse("tampered.")));
        Assert.NotNull(keyring.Find(DnsName.Parse("good.")));
    }
}

public sealed class TsigSecretStorageSqliteTests() : TsigSecretStorageTests(new SqliteTestStorage());

[Collection(PostgresCollection.Name)]
public sealed class TsigSecretStoragePostgresTests(PostgresServer server) : TsigSecretStorageTests(server.NewDatabase());
