using System.Text.Json;
using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Partner;

/// <summary>The Partner API of partner-api.txt and partner-auth.txt end to end, over HTTP against the real
/// application, its storage and its DNS listeners. The concrete classes run the suite on SQLite and PostgreSQL;
/// the tests are split by area over the PartnerApiTests.*.cs files.</summary>
public abstract partial class PartnerApiTests(ApiHost host, ITestOutputHelper output) : IAsyncLifetime
{
    protected ApiHost Host { get; } = host;

    protected ITestOutputHelper Output { get; } = output;

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static string Text(JsonElement item, string field) => item.GetProperty(field).GetString()!;

    protected static IReadOnlyList<string> Names(JsonElement item) => [.. item.EnumerateObject().Select(p => p.Name)];
}

/// <summary>The Partner API suite on SQLite.</summary>
public sealed class SqlitePartnerApiTests(SqliteApiHost host, ITestOutputHelper output) : PartnerApiTests(host, output), IClassFixture<SqliteApiHost>;

/// <summary>The Partner API suite on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPartnerApiTests(PostgresServer server, PostgresApiHost host, ITestOutputHelper output)
    : PartnerApiTests(host.On(server), output), IClassFixture<PostgresApiHost>;
