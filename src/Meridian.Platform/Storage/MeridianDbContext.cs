using System.Text;
using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Meridian.Platform.Storage;

/// <summary>The platform's tables. Each database provider has its own subclass so that each keeps its
/// own migrations (<see cref="SqliteMeridianDbContext"/>, <see cref="PostgresMeridianDbContext"/>).</summary>
public abstract class MeridianDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Zone> Zones => Set<Zone>();

    public DbSet<Record> Records => Set<Record>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ZoneChange> ZoneChanges => Set<ZoneChange>();

    public DbSet<User> Users => Set<User>();

    public DbSet<LoginSession> LoginSessions => Set<LoginSession>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    public DbSet<ProviderConnection> ProviderConnections => Set<ProviderConnection>();

    public DbSet<DkimKey> DkimKeys => Set<DkimKey>();

    public DbSet<EmailDnsChange> EmailDnsChanges => Set<EmailDnsChange>();

    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SimpleRecord> SimpleRecords => Set<SimpleRecord>();

    public DbSet<TsigKeyEntry> TsigKeys => Set<TsigKeyEntry>();

    public DbSet<ZoneTransferSettings> ZoneTransferSettings => Set<ZoneTransferSettings>();

    public DbSet<ChangeFeedEntry> ChangeFeed => Set<ChangeFeedEntry>();

    public DbSet<InterfaceSettings> InterfaceSettings => Set<InterfaceSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var listComparer = new ValueComparer<string[]>(
            (a, b) => ColumnConversions.ListsEqual(a, b),
            v => ColumnConversions.ListHash(v),
            v => v.ToArray());
        var listConverter = new ValueConverter<string[], string>(
            v => ColumnConversions.ListToJson(v), v => ColumnConversions.ListFromJson(v));
        var environment = new ValueConverter<ApiEnvironment, string>(
            v => ColumnConversions.EnvironmentToText(v), v => ColumnConversions.EnvironmentFromText(v));

        modelBuilder.Entity<Account>(account =>
        {
            account.HasKey(a => a.Id);
            account.Property(a => a.Kind).HasConversion(v => ColumnConversions.KindToText(v), v => ColumnConversions.KindFromText(v)).HasMaxLength(16);
            account.Property(a => a.Name).HasMaxLength(200);
            account.Property(a => a.Email).HasMaxLength(320);
        });

        modelBuilder.Entity<ApiKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.HasOne<Account>().WithMany().HasForeignKey(k => k.AccountId).OnDelete(DeleteBehavior.Cascade);
            key.Property(k => k.Name).HasMaxLength(200);
            key.Property(k => k.Environment).HasConversion(environment).HasMaxLength(16);
            key.Property(k => k.Scopes).HasConversion(listConverter, listComparer);
            key.Property(k => k.KeyId).HasMaxLength(32);
            key.Property(k => k.Prefix).HasMaxLength(48);
            key.HasIndex(k => k.KeyId).IsUnique();
            key.HasIndex(k => k.AccountId);
        });

        modelBuilder.Entity<Zone>(zone =>
        {
            zone.HasKey(z => z.Id);
            zone.HasOne<Account>().WithMany().HasForeignKey(z => z.AccountId).OnDelete(DeleteBehavior.Restrict);
            zone.Property(z => z.Name).HasMaxLength(256);
            zone.Property(z => z.Environment).HasConversion(environment).HasMaxLength(16);
            zone.HasIndex(z => new { z.Name, z.Environment }).IsUnique();
            zone.Property(z => z.ReversedName).HasMaxLength(256);
            zone.HasIndex(z => z.ReversedName);
            zone.HasIndex(z => z.AccountId);
            zone.HasOne<User>().WithMany().HasForeignKey(z => z.UserId).OnDelete(DeleteBehavior.Restrict);
            zone.HasIndex(z => z.UserId);
        });

        modelBuilder.Entity<User>(user =>
        {
            user.HasKey(u => u.Id);
            user.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
            user.Property(u => u.Environment).HasConversion(environment).HasMaxLength(16);
            user.Property(u => u.UserIdentifier).HasMaxLength(255);
            user.Property(u => u.Email).HasMaxLength(320);
            user.HasIndex(u => new { u.AccountId, u.Environment, u.UserIdentifier }).IsUnique();
        });

        modelBuilder.Entity<LoginSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            session.Property(s => s.Environment).HasConversion(environment).HasMaxLength(16);
            session.HasIndex(s => s.LoginTokenHash).IsUnique();
            session.HasIndex(s => s.SessionTokenHash);
        });

        EmailDnsModel.Configure(modelBuilder, environment);

        modelBuilder.Entity<InterfaceSettings>(settings =>
        {
            settings.HasKey(s => s.AccountId);
            settings.HasOne<Account>().WithOne().HasForeignKey<InterfaceSettings>(s => s.AccountId).OnDelete(DeleteBehavior.Cascade);
            settings.Property(s => s.FrameOrigins).HasConversion(listConverter, listComparer);
            settings.Property(s => s.DisplayName).HasMaxLength(80);
            settings.Property(s => s.LogoUrl).HasMaxLength(2000);
            settings.Property(s => s.AccentColour).HasMaxLength(7);
            settings.Property(s => s.SupportUrl).HasMaxLength(2000);
        });

        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.HasKey(r => new { r.ApiKeyId, r.Key });
            request.Property(r => r.Key).HasMaxLength(255);
            request.Property(r => r.ContentType).HasMaxLength(128);
            request.HasIndex(r => r.CreatedAt);
        });

        modelBuilder.Entity<Record>(record =>
        {
            record.HasKey(r => r.Id);
            record.HasOne<Zone>().WithMany().HasForeignKey(r => r.ZoneId).OnDelete(DeleteBehavior.Cascade);
            record.Property(r => r.Name).HasMaxLength(256);
            record.Property(r => r.Type).HasMaxLength(16);
            record.Property(r => r.CountryCodes).HasConversion(listConverter, listComparer);
            record.HasIndex(r => new { r.ZoneId, r.Name, r.Type });
        });

        modelBuilder.Entity<AuditEvent>(audit =>
        {
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.ZoneName).HasMaxLength(256);
            // No foreign keys: the history outlives the zones and keys it mentions.
            audit.HasIndex(a => new { a.ZoneId, a.At });
            audit.HasIndex(a => new { a.AccountId, a.At });
        });

        modelBuilder.Entity<ZoneChange>(change =>
        {
            change.HasKey(c => c.Sequence);
            change.Property(c => c.Sequence).ValueGeneratedOnAdd();
            change.Property(c => c.ZoneName).HasMaxLength(256);
            change.Property(c => c.Kind).HasConversion(v => ColumnConversions.ChangeKindToText(v), v => ColumnConversions.ChangeKindFromText(v)).HasMaxLength(32);
            change.Property(c => c.Principal).HasMaxLength(64);
            change.HasIndex(c => new { c.ZoneId, c.Serial });
        });

        modelBuilder.Entity<SimpleRecord>(simple =>
        {
            simple.HasKey(s => s.Id);
            simple.Property(s => s.Id).ValueGeneratedOnAdd();
            simple.Ignore(s => s.DomainKey);
            simple.Property(s => s.Backend).HasMaxLength(16);
            simple.Property(s => s.DomainType).HasMaxLength(8);
            simple.Property(s => s.Domain).HasMaxLength(256);
            simple.Property(s => s.Subdomain).HasMaxLength(63);
            simple.Property(s => s.To).HasMaxLength(256);
            simple.Property(s => s.ProviderRecordId).HasMaxLength(64);
            simple.Property(s => s.CreatedBy).HasMaxLength(64);
            // The original's domain_key is unique; no foreign key to records: a record removed through another API
            // leaves a row the Simple API treats as gone (it reads rows together with their records).
            simple.HasIndex(s => new { s.Backend, s.DomainType, s.Domain, s.Subdomain }).IsUnique();
            simple.HasIndex(s => new { s.Backend, s.Domain });
        });

        modelBuilder.Entity<TsigKeyEntry>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.Name).HasMaxLength(256);
            key.Property(k => k.Algorithm).HasMaxLength(32);
            key.Property(k => k.Secret).HasMaxLength(256);
            key.Property(k => k.UpdateZones).HasConversion(listConverter, listComparer);
            key.Property(k => k.UpdateNames).HasConversion(listConverter, listComparer);
            key.Property(k => k.UpdateTypes).HasConversion(listConverter, listComparer);
            key.HasIndex(k => k.Name).IsUnique();
        });

        modelBuilder.Entity<ZoneTransferSettings>(settings =>
        {
            settings.HasKey(s => s.ZoneId);
            settings.HasOne<Zone>().WithOne().HasForeignKey<ZoneTransferSettings>(s => s.ZoneId).OnDelete(DeleteBehavior.Cascade);
            settings.Property(s => s.Allow).HasConversion(listConverter!, listComparer!);
            settings.Property(s => s.AllowTsig).HasConversion(listConverter!, listComparer!);
            settings.Property(s => s.Notify).HasConversion(listConverter!, listComparer!);
        });

        // Following/: positions in commit order; no foreign keys (an entry outlives the zone or key it names).
        modelBuilder.Entity<ChangeFeedEntry>(entry =>
        {
            entry.ToTable("change_feed");
            entry.HasKey(e => e.Position);
            entry.Property(e => e.Position).ValueGeneratedOnAdd();
            entry.Property(e => e.Kind).HasMaxLength(16);
            entry.Property(e => e.KeyId).HasMaxLength(32);
        });

        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => ColumnConversions.AsUtc(v));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v == null ? v : ColumnConversions.AsUtc(v.Value));
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            entity.SetTableName(SnakeCase(entity.GetTableName()!));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
                if (property.ClrType == typeof(DateTime)) property.SetValueConverter(utc);
                else if (property.ClrType == typeof(DateTime?)) property.SetValueConverter(utcNullable);
            }
            foreach (var key in entity.GetKeys()) key.SetName(SnakeCase(key.GetName()!));
            foreach (var foreignKey in entity.GetForeignKeys()) foreignKey.SetConstraintName(SnakeCase(foreignKey.GetConstraintName()!));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(SnakeCase(index.GetDatabaseName()!));
        }
    }

    /// <summary>"ZoneChanges" -> "zone_changes", "IX_Records_ZoneId" -> "ix_records_zone_id".</summary>
    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsAsciiLetterLower(name[i - 1]) || char.IsAsciiDigit(name[i - 1]) ||
                    (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append((char)(c | 0x20));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
