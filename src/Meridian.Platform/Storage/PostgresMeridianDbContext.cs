using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Storage;

/// <summary>The tables on PostgreSQL (many nodes); migrations in Storage/Migrations/Postgres.</summary>
public sealed class PostgresMeridianDbContext(DbContextOptions<PostgresMeridianDbContext> options) : MeridianDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Byte order, as SQLite compares: a prefix of the reversed name is then one range of its index, where a
        // language's collation would sort '.' and '-' by other rules and split the range.
        modelBuilder.Entity<Zone>().Property(z => z.ReversedName).UseCollation("C");
    }
}
