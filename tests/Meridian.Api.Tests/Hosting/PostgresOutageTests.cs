using System.Collections.Concurrent;
using System.Text.Json;
using Meridian.Api.Tests.Support;
using Meridian.Dns.Records;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.Hosting;

/// <summary>PostgreSQL stopped under write load, then started again: requests that need it answer 503 with Retry-After
/// (never 500), /readyz says the database check fails while /healthz stays 200, DNS answers from memory, and every
/// acknowledged write is there afterwards.</summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const int Writers = 4;

    [Fact]
    public async Task PostgreSQL_stopped_under_write_load_gives_503_and_unready_and_loses_nothing_acknowledged()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        var host = new ConnectionStringApiHost(postgres.ConnectionString);
        try
        {
            await host.StartAsync();
            var client = await host.NewClientAsync();
            var domain = await client.Api.CreateDomainAsync(TestNames.Domain("outage"));
            var domainId = domain.GetProperty("id").GetGuid();
            string zone = domain.GetProperty("name").GetString()!;
            await client.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");

            var load = new WriteLoad(client.Api, domainId);
            var writing = Enumerable.Range(0, Writers).Select(load.RunAsync).ToArray();
            await WaitForAsync(() => load.Acknowledged.Count >= 20, "writes before the outage");

            await postgres.StopServerAsync();
            await WaitForAsync(() => load.Unavailable > 0, "a 503 during the outage");

            var ready = await client.Api.GetAsync("/readyz");
            Assert.Equal(503, ready.Status);
            var checks = JsonDocument.Parse(ready.Body).RootElement.GetProperty("checks");
            Assert.Equal("unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal("healthy", checks.GetProperty("dns").GetProperty("status").GetString());
            Assert.Equal(200, (await client.Api.GetAsync("/healthz")).Status);
            var answer = await DnsProbe.AskUdpAsync(host.DnsEndpoint, "www." + zone, DnsType.A, TimeSpan.FromSeconds(2));
            Assert.Equal(new DnsProbe.Answer(0, 1), answer);
            // A read needs the database too (after the key cache's few seconds, so does authentication).
            var read = await ReadWithStatusAsync(client.Api.Http, $"/api/client/domains/{domainId}/records");
            Assert.Equal((503, "5"), read);

            await postgres.StartServerAsync();
            var restarted = System.Diagnostics.Stopwatch.StartNew();
            int acknowledgedBeforeRestart = load.Acknowledged.Count;
            await WaitForAsync(() => load.Acknowledged.Count > acknowledgedBeforeRestart, "a write after the restart");
            output.WriteLine($"first write acknowledged {restarted.Elapsed.TotalSeconds:F2} s after the server accepted connections again");
            load.Stop();
            await Task.WhenAll(writing);

            output.WriteLine($"{load.Acknowledged.Count} writes acknowledged, {load.Unavailable} answered 503, {load.Unexpected.Count} anything else");
            Assert.Empty(load.Unexpected);
            Assert.Equal(200, (await WaitForStatusAsync(client.Api, "/readyz", 200)).Status);
            var stored = (await client.Api.ListRecordsAsync(domainId)).Select(r => r.GetProperty("name").GetString()!).ToHashSet();
            var lost = load.Acknowledged.Keys.Where(name => !stored.Contains($"{name}.{zone}")).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} acknowledged record(s) missing, e.g. {string.Join(", ", lost.Take(5))}");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Writers creating one record after another. A 503 must carry Retry-After and the error shape; any other
    /// refusal is unexpected.</summary>
    private sealed class WriteLoad(ApiClient api, Guid domainId)
    {
        private volatile bool _stopping;
        private int _unavailable;

        public ConcurrentDictionary<string, bool> Acknowledged { get; } = new();

        public ConcurrentQueue<string> Unexpected { get; } = new();

        public int Unavailable => Volatile.Read(ref _unavailable);

        public void Stop() => _stopping = true;

        public async Task RunAsync(int writer)
        {
            for (int i = 0; !_stopping; i++)
            {
                string name = $"w{writer}-{i}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/client/records")
                {
                    Content = ApiClient.Json(ApiClient.RecordBody(domainId, name, "A", "192.0.2.2").ToJsonString()),
                };
                using var response = await api.Http.SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();
                switch ((int)response.StatusCode)
                {
                    case 201:
                        Acknowledged[name] = true;
                        break;
                    case 503 when response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(5) && body.Contains("\"error\"", StringComparison.Ordinal):
                        Interlocked.Increment(ref _unavailable);
                        await Task.Delay(20); // as a client honouring Retry-After would not hammer, only less patiently
                        break;
                    default:
                        Unexpected.Enqueue($"{(int)response.StatusCode} {response.Headers.RetryAfter} {body}");
                        break;
                }
            }
        }
    }

    private static async Task<(int Status, string? RetryAfter)> ReadWithStatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString());
    }

    private static async Task<ApiResponse> WaitForStatusAsync(ApiClient api, string path, int status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await api.GetAsync(path);
            if (response.Status == status || DateTime.UtcNow > deadline) return response;
            await Task.Delay(100);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within 30 s");
            await Task.Delay(50);
        }
    }
}
