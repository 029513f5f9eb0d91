using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Storage;

/// <summary>The tables on PostgreSQL (many nodes); migrations in Storage/Migrations/Postgres.</summary>
public sealed class PostgresMeridianDbContext(DbContextOptions<PostgresMeridianDbContext> options) : MeridianDbContext(options);
