using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Meridian.Platform.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteMeridianDbContext</c> build the context
/// without a running application.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMeridianDbContext>
{
    public SqliteMeridianDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMeridianDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for <c>--context PostgresMeridianDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMeridianDbContext>
{
    public PostgresMeridianDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMeridianDbContext>().UseNpgsql("Host=localhost;Database=meridian").Options);
}
