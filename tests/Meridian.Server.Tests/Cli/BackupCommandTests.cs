using Meridian.Server.Cli;
using Microsoft.Data.Sqlite;

namespace Meridian.Server.Tests.Cli;

/// <summary><c>meridian backup --to FILE</c>: a SQLite copy that restores (put back as meridian.db, the CLI reads it), no
/// overwriting, and PostgreSQL sent to pg_dump. The copy taken while <c>serve</c> runs is tested in
/// Meridian.Api.Tests (OnlineBackupTests).</summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("meridian-backup-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await CommandRouter.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_backup_put_back_as_the_database_restores_every_account()
    {
        string data = Path.Combine(_root, "data"), restored = Path.Combine(_root, "restored"), file = Path.Combine(_root, "backups", "meridian.backup");
        Assert.Equal(0, (await RunAsync("accounts", "create", "--kind", "client", "--name", "Kept Co", "--email", "k@example.net", "--data", data)).Code);

        var (code, output, error) = await RunAsync("backup", "--to", file, "--data", data);
        Assert.True(code == 0, error);
        Assert.Contains($"to {file} (", output, StringComparison.Ordinal);
        Assert.False(File.Exists(file + "-wal"));

        Directory.CreateDirectory(restored);
        File.Copy(file, Path.Combine(restored, "meridian.db"));
        (code, output, _) = await RunAsync("accounts", "list", "--data", restored);
        Assert.Equal(0, code);
        Assert.Contains("Kept Co", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file_and_needs_a_database()
    {
        string file = Path.Combine(_root, "exists.db");
        await File.WriteAllTextAsync(file, "precious");
        var (code, _, error) = await RunAsync("backup", "--to", file, "--data", Path.Combine(_root, "data"));
        Assert.Equal(2, code);
        Assert.Contains("exists already", error, StringComparison.Ordinal);
        Assert.Equal("precious", await File.ReadAllTextAsync(file));

        (code, _, error) = await RunAsync("backup", "--to", Path.Combine(_root, "new.db"), "--data", Path.Combine(_root, "empty"));
        Assert.Equal(2, code);
        Assert.Contains("no SQLite database at", error, StringComparison.Ordinal);
        (code, _, error) = await RunAsync("backup", "--data", Path.Combine(_root, "empty"));
        Assert.Equal(2, code);
        Assert.Contains("--to FILE is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSQL_is_sent_to_pg_dump()
    {
        var (code, _, error) = await RunAsync("backup", "--to", Path.Combine(_root, "pg.db"), "--database", "Host=127.0.0.1;Database=meridian");
        Assert.Equal(2, code);
        Assert.Contains("the database is PostgreSQL: back it up with pg_dump", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "pg.db")));
    }
}
