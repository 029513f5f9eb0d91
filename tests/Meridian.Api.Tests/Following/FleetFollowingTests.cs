using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Following;

/// <summary>Three `meridian serve` nodes on one PostgreSQL (two API nodes and an edge node, DNS on 127.0.0.1, .2 and
/// .3): writers on both API nodes at once, the edge node killed and started again mid-stream, PostgreSQL stopped and
/// started; at the end `dig` against every node agrees with the database on every record and on the serial.</summary>
public sealed class FleetFollowingTests(ITestOutputHelper output)
{
    private const int Writers = 4;

    // A key read once is trusted for ten minutes by RevalidateAfter: within the test only the change feed can end it.
    private static readonly string[] s_settings = ["ApiKeys:RevalidateAfter=00:10:00", "Logging:LogLevel:Default=Information"];

    [Fact]
    public async Task Every_node_answers_every_record_and_serial_after_concurrent_writes_a_node_restart_and_a_database_outage()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        await using var first = await FleetNode.StartAsync("all", postgres.ConnectionString, IPAddress.Parse("127.0.0.1"), s_settings);
        await using var second = await FleetNode.StartAsync("all", postgres.ConnectionString, IPAddress.Parse("127.0.0.2"), s_settings);
        await using var edge = await FleetNode.StartAsync("edge", postgres.ConnectionString, IPAddress.Parse("127.0.0.3"), s_settings);
        FleetNode[] nodes = [first, second, edge];
        var (_, token) = await NewClientAsync(first);
        using var viaFirst = first.Client(token);
        using var viaSecond = second.Client(token);

        var shared = await viaFirst.CreateDomainAsync(TestNames.Domain("fleet"));
        var other = await viaSecond.CreateDomainAsync(TestNames.Domain("fleet"));
        (Guid Id, string Name)[] zones =
        [
            (shared.GetProperty("id").GetGuid(), shared.GetProperty("name").GetString()!),
            (other.GetProperty("id").GetGuid(), other.GetProperty("name").GetString()!),
        ];

        var load = new FleetWriteLoad([viaFirst, viaSecond], zones);
        var writing = Enumerable.Range(0, Writers).Select(load.RunAsync).ToArray();

        await WaitForAsync(() => load.Acknowledged >= 20, "writes before the restart");
        await edge.RestartAsync();
        output.WriteLine($"edge node restarted after {load.Acknowledged} writes");

        int beforeOutage = load.Acknowledged;
        await WaitForAsync(() => load.Acknowledged >= beforeOutage + 20, "writes before the outage");
        await postgres.StopServerAsync();
        await WaitForAsync(() => load.Unavailable > 0, "a write refused during the outage");
        // Every node keeps answering from memory meanwhile.
        foreach (var node in nodes)
            Assert.Equal("NOERROR", (await Dig.QueryAsync(node.DnsEndpoint, zones[0].Name, "SOA")).Status);
        await postgres.StartServerAsync();
        int afterOutage = load.Acknowledged;
        await WaitForAsync(() => load.Acknowledged >= afterOutage + 20, "writes after the outage");
        load.Stop();
        await Task.WhenAll(writing);
        output.WriteLine($"{load.Acknowledged} writes acknowledged, {load.Unavailable} refused while the database was down");
        if (!load.Unexpected.IsEmpty)
        {
            foreach (var node in nodes)
                foreach (string line in node.Log.Where(l => l.Contains("fail", StringComparison.OrdinalIgnoreCase) || l.Contains("xception", StringComparison.Ordinal)).Take(40))
                    output.WriteLine($"{node.Role} {node.DnsEndpoint.Address}: {line}");
        }
        Assert.Empty(load.Unexpected);

        foreach (var (zoneId, zoneName) in zones)
        {
            long serial = await ReadSerialAsync(postgres.ConnectionString, zoneId);
            var stored = await viaFirst.ListRecordsAsync(zoneId);
            foreach (var created in load.LiveRecords(zoneId)) Assert.Contains(stored, r => r.GetProperty("id").GetGuid() == created);
            var expected = stored.Where(r => r.GetProperty("type").GetString() == "A")
                .GroupBy(r => r.GetProperty("name").GetString()!)
                .ToDictionary(g => g.Key, g => g.Select(r => r.GetProperty("value").GetString()!).Order(StringComparer.Ordinal).ToList());
            Assert.NotEmpty(expected);
            foreach (var node in nodes)
            {
                await WaitForAsync(async () => (await Dig.QueryAsync(node.DnsEndpoint, zoneName, "SOA")).SoaSerial == (uint)serial,
                    $"{node} at serial {serial} of {zoneName}");
                foreach (var (name, values) in expected)
                {
                    var answer = await Dig.QueryAsync(node.DnsEndpoint, FullName(name, zoneName), "A");
                    Assert.True(values.SequenceEqual(answer.Data("A")), $"{node}: {name} answered [{string.Join(", ", answer.Data("A"))}], stored [{string.Join(", ", values)}]");
                }
                foreach (string deleted in load.DeletedNames(zoneId).Where(n => !expected.ContainsKey(n)).Take(5))
                    Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(node.DnsEndpoint, FullName(deleted, zoneName), "A")).Status);
            }
        }

        // The edge node serves DNS only: its HTTP answers liveness and nothing else.
        using var edgeHttp = edge.Client(token);
        Assert.Equal(200, (await edgeHttp.GetAsync("/healthz")).Status);
        Assert.Equal(404, (await edgeHttp.GetAsync("/api/client/domains")).Status);
        Assert.Equal(404, (await edgeHttp.GetAsync("/readyz")).Status);
    }

    [Fact]
    public async Task A_key_revoked_or_rotated_on_one_API_node_is_refused_on_the_other()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        await using var first = await FleetNode.StartAsync("all", postgres.ConnectionString, IPAddress.Parse("127.0.0.1"), s_settings);
        await using var second = await FleetNode.StartAsync("all", postgres.ConnectionString, IPAddress.Parse("127.0.0.2"), s_settings);
        var (accountId, token) = await NewClientAsync(first);
        using var admin = first.Client(first.AdminKey!);

        // Revoked through the first node's admin API while the second node holds the key in its cache.
        var extra = (await admin.PostJsonAsync($"/api/admin/accounts/{accountId}/keys", new JsonObject { ["name"] = "extra" })).Expect(201);
        using (var revokedOnSecond = second.Client(extra.GetProperty("token").GetString()!))
        {
            Assert.Equal(200, (await revokedOnSecond.GetAsync("/api/client/domains")).Status);
            (await admin.DeleteAsync($"/api/admin/accounts/{accountId}/keys/{extra.GetProperty("id").GetString()}")).Expect(200);
            await WaitForAsync(async () => (await revokedOnSecond.GetAsync("/api/client/domains")).Status == 401, "the revoked key refused on the second node");
        }

        // Rotated on the first node: the old token is refused on the second, the new one accepted there.
        using var oldOnSecond = second.Client(token);
        Assert.Equal(200, (await oldOnSecond.GetAsync("/api/client/domains")).Status);
        using var onFirst = first.Client(token);
        string rotated = (await onFirst.PostJsonAsync("/api/client/rotate-api-key", new JsonObject())).Expect(200).GetProperty("api_token").GetString()!;
        await WaitForAsync(async () => (await oldOnSecond.GetAsync("/api/client/domains")).Status == 401, "the rotated-away key refused on the second node");
        using var newOnSecond = second.Client(rotated);
        Assert.Equal(200, (await newOnSecond.GetAsync("/api/client/domains")).Status);
    }

    /// <summary>A client account made through the API node's admin API, and its key.</summary>
    private static async Task<(string AccountId, string Token)> NewClientAsync(FleetNode apiNode)
    {
        Assert.NotNull(apiNode.AdminKey);
        using var admin = apiNode.Client(apiNode.AdminKey);
        var account = (await admin.PostJsonAsync("/api/admin/accounts",
            new JsonObject { ["kind"] = "client", ["name"] = "fleet", ["email"] = "fleet@example.net" })).Expect(201);
        string id = account.GetProperty("id").GetString()!;
        var key = (await admin.PostJsonAsync($"/api/admin/accounts/{id}/keys", new JsonObject { ["name"] = "writer" })).Expect(201);
        return (id, key.GetProperty("token").GetString()!);
    }

    private static string FullName(string name, string zone) => name.EndsWith('.') ? name : name == "@" ? zone : $"{name}.{zone}";

    private static async Task<long> ReadSerialAsync(string connectionString, Guid zoneId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT serial FROM zones WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", zoneId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    /// <summary>Waits for a condition that must come true (a generous deadline, not a timing goal: those are in bench/).</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within 60 s");
            await Task.Delay(50);
        }
    }
}

/// <summary>Writers creating and deleting A records through both API nodes, into both zones; a write refused with 503
/// (the database down) is retried after its Retry-After, anything else unexpected is kept for the test to report.</summary>
internal sealed class FleetWriteLoad(ApiClient[] nodes, (Guid Id, string Name)[] zones)
{
    private readonly ConcurrentDictionary<Guid, (Guid Zone, string Name)> _live = new();
    private readonly ConcurrentBag<(Guid Zone, string Name)> _deleted = [];
    private int _acknowledged;
    private int _unavailable;
    private volatile bool _stopping;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public int Unavailable => Volatile.Read(ref _unavailable);

    public ConcurrentBag<string> Unexpected { get; } = [];

    public IEnumerable<Guid> LiveRecords(Guid zoneId) => _live.Where(r => r.Value.Zone == zoneId).Select(r => r.Key);

    public IEnumerable<string> DeletedNames(Guid zoneId) => _deleted.Where(d => d.Zone == zoneId).Select(d => d.Name).Distinct();

    /// <summary>The writers finish the write they are in and stop.</summary>
    public void Stop() => _stopping = true;

    public async Task RunAsync(int writer)
    {
        var mine = new List<(Guid Record, Guid Zone, string Name)>();
        for (int i = 0; !_stopping; i++)
        {
            var api = nodes[(writer + i) % nodes.Length];
            var (zoneId, _) = zones[i % zones.Length];
            if (i % 3 == 2 && mine.Count > 0)
            {
                var (record, zone, name) = mine[0];
                mine.RemoveAt(0);
                if (await SendAsync(() => api.DeleteAsync($"/api/client/records/{record}"), 200) is not null)
                {
                    _live.TryRemove(record, out _);
                    _deleted.Add((zone, name));
                }
                continue;
            }
            string label = $"w{writer}-{i}";
            string address = $"192.0.2.{1 + (writer * 61 + i) % 250}";
            var created = await SendAsync(() => api.PostJsonAsync("/api/client/records", ApiClient.RecordBody(zoneId, label, "A", address)), 201);
            if (created is { } record2)
            {
                var id = record2.GetProperty("id").GetGuid();
                _live[id] = (zoneId, label);
                mine.Add((id, zoneId, label));
            }
        }
    }

    private async Task<System.Text.Json.JsonElement?> SendAsync(Func<Task<ApiResponse>> send, int expected)
    {
        for (int attempt = 0; attempt < 600; attempt++)
        {
            ApiResponse response;
            try
            {
                response = await send();
            }
            catch (HttpRequestException e)
            {
                Unexpected.Add(e.Message);
                return null;
            }
            if (response.Status == expected)
            {
                Interlocked.Increment(ref _acknowledged);
                return response.Body.Length == 0 ? default : response.Json;
            }
            if (response.Status == 503)
            {
                Interlocked.Increment(ref _unavailable);
                await Task.Delay(200);
                continue;
            }
            Unexpected.Add($"{response.Status}: {response.Body}");
            return null;
        }
        Unexpected.Add("still 503 after 600 attempts");
        return null;
    }
}
