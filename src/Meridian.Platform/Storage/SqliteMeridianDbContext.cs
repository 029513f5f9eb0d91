using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Storage;

/// <summary>The tables on SQLite (the default, one node); migrations in Storage/Migrations/Sqlite.</summary>
public sealed class SqliteMeridianDbContext(DbContextOptions<SqliteMeridianDbContext> options) : MeridianDbContext(options);
