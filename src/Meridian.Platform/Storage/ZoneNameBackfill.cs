using Meridian.Platform.Model;
using Microsoft.EntityFrameworkCore;

namespace Meridian.Platform.Storage;

/// <summary>Fills <see cref="Zone.ReversedName"/> on rows written before the column existed (a migration cannot
/// reverse labels in SQL that both databases speak). Runs at every start after the migrations; once every row has
/// its value it is one index lookup that finds nothing.</summary>
internal static class ZoneNameBackfill
{
    private const int Batch = 5_000;

    public static async Task RunAsync(MeridianDbContext db, CancellationToken cancellationToken)
    {
        // The usual case, in plain SQL: a first LINQ query would cost a start a few hundred milliseconds of compiling.
        if (!await AnyMissingAsync(db, cancellationToken)) return;
        while (true)
        {
            var missing = await db.Zones.AsNoTracking().Where(z => z.ReversedName == null)
                .Select(z => new { z.Id, z.Name }).Take(Batch).ToListAsync(cancellationToken);
            if (missing.Count == 0) return;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var zone in missing)
            {
                string reversed = Zone.Reverse(zone.Name);
                await db.Zones.Where(z => z.Id == zone.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(z => z.ReversedName, reversed), cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<bool> AnyMissingAsync(MeridianDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        bool opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM zones WHERE reversed_name IS NULL LIMIT 1";
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
