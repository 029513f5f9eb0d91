using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meridian.Platform.Storage;

/// <summary>The Email DNS API's tables: provider credentials, DKIM keys, the history of <c>dns.set</c>, account
/// sessions, and the Data Protection key ring. Every row belongs to an account and goes with it.</summary>
internal static class EmailDnsModel
{
    public static void Configure(ModelBuilder modelBuilder, ValueConverter<ApiEnvironment, string> environment)
    {
        modelBuilder.Entity<ProviderConnection>(connection =>
        {
            connection.HasKey(c => c.Id);
            connection.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
            connection.Property(c => c.Environment).HasConversion(environment).HasMaxLength(16);
            connection.Property(c => c.Domain).HasMaxLength(255);
            connection.Property(c => c.Provider).HasMaxLength(32);
            connection.HasIndex(c => new { c.AccountId, c.Environment, c.Domain, c.Provider }).IsUnique();
        });
        modelBuilder.Entity<DkimKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
            key.Property(k => k.Environment).HasConversion(environment).HasMaxLength(16);
            key.Property(k => k.Domain).HasMaxLength(255);
            key.Property(k => k.Selector).HasMaxLength(63);
            key.HasIndex(k => new { k.AccountId, k.Environment, k.Domain, k.Selector }).IsUnique();
        });
        modelBuilder.Entity<EmailDnsChange>(change =>
        {
            change.HasKey(c => c.Id);
            change.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
            change.Property(c => c.Environment).HasConversion(environment).HasMaxLength(16);
            change.Property(c => c.Principal).HasMaxLength(64);
            change.Property(c => c.Domain).HasMaxLength(255);
            change.Property(c => c.Provider).HasMaxLength(32);
            change.Property(c => c.RecordType).HasMaxLength(32);
            change.Property(c => c.Outcome).HasMaxLength(16);
            change.HasIndex(c => new { c.AccountId, c.Environment, c.Domain, c.At });
        });
        modelBuilder.Entity<AccountSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
            session.Property(s => s.Environment).HasConversion(environment).HasMaxLength(16);
            session.HasIndex(s => s.TokenHash).IsUnique();
        });
        modelBuilder.Entity<DataProtectionKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
