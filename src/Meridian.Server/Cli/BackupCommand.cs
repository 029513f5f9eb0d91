using System.Globalization;
using Meridian.Platform.Storage;
using Meridian.Server.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Meridian.Server.Cli;

/// <summary><c>meridian backup --to FILE [--data DIR | --database CS]</c>: a consistent copy of the SQLite database taken
/// with SQLite's online backup API while the server keeps running (readers and writers go on; the copy is the database as
/// of one moment). Restoring is putting the file back as <c>meridian.db</c> with the server stopped. PostgreSQL is backed
/// up with its own tools (pg_dump), which this command says.</summary>
internal static class BackupCommand
{
    public const string Usage = """
          backup --to FILE [--data DIR | --database CS]
              an online copy of the SQLite database (the server may run); restore by putting FILE back as DIR/meridian.db
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CommandArguments(args, new HashSet<string> { "--to" });
        if (a.Error is not null) return await Fail(stderr, a.Error);
        if (a["--to"] is not { Length: > 0 } target) return await Fail(stderr, "--to FILE is required");
        target = Path.GetFullPath(target);
        if (File.Exists(target)) return await Fail(stderr, $"{target} exists already; name a new file (a backup never overwrites one)");

        var configuration = new ConfigurationManager();
        ConfigurationLayers.Apply(configuration, a.StorageFlags);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPlatform();
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.Postgres)
        {
            return await Fail(stderr, "the database is PostgreSQL: back it up with pg_dump (e.g. pg_dump --format=custom --file=FILE \"DBNAME\") "
                + "and restore with pg_restore; see docs/deploy.md");
        }
        var source = new SqliteConnectionStringBuilder(storage.Sqlite) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(source.DataSource)) return await Fail(stderr, $"no SQLite database at {Path.GetFullPath(source.DataSource)}");

        // Written under a temporary name and renamed, so a FILE that exists is always a whole backup.
        string partial = target + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var from = new SqliteConnection(source.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                // The writer waits at most this long for a page lock the copy holds.
                await using (var busy = from.CreateCommand())
                {
                    busy.CommandText = "PRAGMA busy_timeout = 30000";
                    await busy.ExecuteNonQueryAsync();
                }
                await to.OpenAsync();
                from.BackupDatabase(to);
                // The copy is a self-contained file: no -wal beside it to carry along.
                await using var journal = to.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode = DELETE";
                await journal.ExecuteNonQueryAsync();
            }
            File.Move(partial, target);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            return await Fail(stderr, $"backup failed: {e.Message}");
        }
        long bytes = new FileInfo(target).Length;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"backed up {Path.GetFullPath(source.DataSource)} to {target} ({bytes} bytes)"));
        return 0;
    }

    private static async Task<int> Fail(TextWriter stderr, string message)
    {
        await stderr.WriteLineAsync("meridian backup: " + message);
        return 2;
    }
}
