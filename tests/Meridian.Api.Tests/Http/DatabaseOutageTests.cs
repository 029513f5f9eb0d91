using System.Net.Sockets;
using Meridian.Api.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Meridian.Api.Tests.Http;

/// <summary>Which failures mean "the database cannot be reached" (503) and which are something else (500).</summary>
public sealed class DatabaseOutageTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "pool exhausted", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "server shutting down", Postgres("57P01") },
        { "too many connections", Postgres("53300") },
        { "connection failure", Postgres("08006") },
        { "SQLite busy past the timeout", new SqliteException("database is locked", 5) },
        { "SQLite file cannot be opened", new SqliteException("unable to open database file", 14) },
        { "wrapped by EF Core", new DbUpdateException("save failed", new InvalidOperationException("transient", Postgres("57P03"))) },
        { "a bare socket error", new SocketException((int)SocketError.HostUnreachable) },
    };

    public static TheoryData<string, Exception> NotOutages => new()
    {
        { "a unique violation", Postgres("23505") },
        { "a syntax error", Postgres("42601") },
        { "SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "a bug", new InvalidOperationException("sequence contains no elements") },
        { "EF Core wrapping a constraint", new DbUpdateException("save failed", Postgres("23503")) },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Unreachable_database_is_recognised_wherever_it_is_wrapped(string what, Exception exception) =>
        Assert.True(DatabaseOutage.IsCause(exception), what);

    [Theory]
    [MemberData(nameof(NotOutages))]
    public void Refused_statements_and_bugs_are_not_outages(string what, Exception exception) =>
        Assert.False(DatabaseOutage.IsCause(exception), what);

    private static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
