using System.Globalization;
using System.Text.Json;
using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Client;

/// <summary>The Client API of client-api.txt end to end: HTTP requests to the real application (Kestrel on
/// loopback), its real storage, and the real DNS server asked with dig. The concrete classes run the same
/// tests on SQLite and on PostgreSQL; the tests of one class share one host and run one after another,
/// each with its own client accounts and domain names. The tests are split by endpoint area over the
/// ClientApiTests.*.cs files.</summary>
public abstract partial class ClientApiTests(ApiHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] s_domainFields = ["id", "client_id", "name", "active", "created_at", "updated_at"];
    private static readonly string[] s_recordFields = ["id", "domain_id", "name", "type", "ttl", "country_codes", "priority", "value", "created_at", "updated_at"];

    protected ApiHost Host { get; } = host;

    protected ITestOutputHelper Output { get; } = output;

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new client with one new domain; the zone name is returned as stored ("x.com.").</summary>
    protected async Task<(ClientAccount Client, Guid DomainId, string Zone)> ClientWithDomainAsync(string word = "t", int? domainLimit = null)
    {
        var client = await Host.NewClientAsync(domainLimit);
        var domain = await client.Api.CreateDomainAsync(TestNames.Domain(word));
        return (client, IdOf(domain), domain.GetProperty("name").GetString()!);
    }

    protected static Guid IdOf(JsonElement item) => item.GetProperty("id").GetGuid();

    protected static string Text(JsonElement item, string field) => item.GetProperty(field).GetString()!;

    protected static IReadOnlyList<string> Codes(JsonElement record) =>
        [.. record.GetProperty("country_codes").EnumerateArray().Select(c => c.GetString()!)];

    /// <summary>The spec's domain object: exactly its fields, with their JSON types.</summary>
    protected static void AssertDomainShape(JsonElement domain, Guid clientId, string name)
    {
        Assert.Equal(s_domainFields, domain.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(Guid.Empty, domain.GetProperty("id").GetGuid());
        Assert.Equal(clientId, domain.GetProperty("client_id").GetGuid());
        Assert.Equal(name, Text(domain, "name"));
        Assert.True(domain.GetProperty("active").GetBoolean());
        AssertTimestamps(domain);
    }

    /// <summary>The spec's record object: exactly its fields, with their JSON types.</summary>
    protected static void AssertRecordShape(JsonElement record, Guid domainId)
    {
        Assert.Equal(s_recordFields, record.EnumerateObject().Select(p => p.Name));
        Assert.NotEqual(Guid.Empty, record.GetProperty("id").GetGuid());
        Assert.Equal(domainId, record.GetProperty("domain_id").GetGuid());
        Assert.Equal(JsonValueKind.Number, record.GetProperty("ttl").ValueKind);
        Assert.Equal(JsonValueKind.Number, record.GetProperty("priority").ValueKind);
        Assert.Equal(JsonValueKind.Array, record.GetProperty("country_codes").ValueKind);
        AssertTimestamps(record);
    }

    /// <summary>created_at / updated_at: ISO 8601 in UTC ("…Z"), updated no earlier than created.</summary>
    private static void AssertTimestamps(JsonElement item)
    {
        var created = Timestamp(item, "created_at");
        var updated = Timestamp(item, "updated_at");
        Assert.True(updated >= created, $"updated_at {updated:O} is before created_at {created:O}");
    }

    protected static DateTimeOffset Timestamp(JsonElement item, string field)
    {
        string text = Text(item, field);
        Assert.True(text.EndsWith('Z'), $"{field} '{text}' does not say it is UTC");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
