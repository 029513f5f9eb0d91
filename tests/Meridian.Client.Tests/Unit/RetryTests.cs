using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary>The retry rules against a real HTTP server that answers what each test scripts.</summary>
public sealed class RetryTests
{
    private const string RecordJson = """{"id":"r1","type":"A","name":"www","value":"192.0.2.1","ttl":300}""";
    private const string SessionJson = """{"user_identifier":"u1","login_url":"https://example.test/login"}""";

    private static MeridianClient ClientFor(ScriptedServer server, RecordingTimeProvider time, int maxRetries = 2, TimeSpan? timeout = null) =>
        new(new ClientSettings("mk_live_unit", MeridianEnvironment.Production, server.BaseUrl, new Uri(server.BaseUrl, "simple/"), null,
            maxRetries, timeout ?? TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)), null, time);

    [Fact]
    public async Task A_429_then_a_503_are_retried_until_the_call_succeeds()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(429, """{"errors":["Rate limit exceeded"]}""", ("Retry-After", "1")),
            ScriptedAnswer.Json(503, """{"errors":["busy"]}"""),
            ScriptedAnswer.Json(200, RecordJson));
        var time = new RecordingTimeProvider();
        using var client = ClientFor(server, time);

        var record = await client.Records.GetAsync("r1");

        Assert.Equal("192.0.2.1", record.Value);
        Assert.Equal(3, server.Received.Count);
        Assert.Equal(2, time.Waits.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), time.Waits[0]);   // the server's Retry-After, not the backoff
    }

    [Fact]
    public async Task At_most_two_retries_by_default_then_the_typed_error()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(503, """{"errors":["down"]}"""), ScriptedAnswer.Json(502, """{"errors":["down"]}"""),
            ScriptedAnswer.Json(500, """{"errors":["still down"]}"""), ScriptedAnswer.Json(200, RecordJson));
        using var client = ClientFor(server, new RecordingTimeProvider());

        var error = await Assert.ThrowsAsync<MeridianServerException>(() => client.Records.GetAsync("r1"));

        Assert.Equal(500, error.Status);
        Assert.Equal(["still down"], error.Messages);
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task Max_retries_is_configurable_per_client_and_per_call()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(408, "{}"),
            ScriptedAnswer.Json(408, "{}"), ScriptedAnswer.Json(408, "{}"), ScriptedAnswer.Json(200, RecordJson));
        using var client = ClientFor(server, new RecordingTimeProvider(), maxRetries: 0);

        await Assert.ThrowsAsync<MeridianApiException>(() => client.Records.GetAsync("r1"));
        Assert.Single(server.Received);

        var record = await client.Records.GetAsync("r1", new RequestOptions { MaxRetries = 2 });
        Assert.Equal("r1", record.Id);
        Assert.Equal(4, server.Received.Count);
    }

    [Fact]
    public async Task Every_attempt_of_a_POST_carries_the_same_Idempotency_Key_and_each_call_its_own()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(409, """{"errors":["A request with this Idempotency-Key is still being processed"]}"""),
            ScriptedAnswer.Json(201, SessionJson),
            ScriptedAnswer.Json(201, SessionJson));
        using var client = ClientFor(server, new RecordingTimeProvider());

        await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = "u1" });
        await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = "u1" });

        var keys = server.Received.Select(request => request.Header("Idempotency-Key")).ToList();
        Assert.All(keys, key => Assert.False(string.IsNullOrEmpty(key)));
        Assert.Equal(keys[0], keys[1]);        // the retry of the first call
        Assert.NotEqual(keys[1], keys[2]);     // the second call
        Assert.All(server.Received, request => Assert.Equal("Bearer mk_live_unit", request.Header("Authorization")));
    }

    [Fact]
    public async Task A_GET_carries_no_Idempotency_Key_and_a_PATCH_does()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(200, RecordJson), ScriptedAnswer.Json(200, RecordJson));
        using var client = ClientFor(server, new RecordingTimeProvider());

        await client.Records.GetAsync("r1");
        await client.Records.UpdateAsync("r1", new UpdateRecordRequest { Ttl = 60 }, new RequestOptions { IdempotencyKey = "mine-1" });

        var requests = server.Received.ToList();
        Assert.Null(requests[0].Header("Idempotency-Key"));
        Assert.Equal("mine-1", requests[1].Header("Idempotency-Key"));
        Assert.Equal("""{"ttl":60}""", requests[1].Body);
    }

    [Fact]
    public async Task A_422_is_not_retried_and_exposes_the_surface_body()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(422,
            """{"errors":["Type is invalid"],"details":[{"field":"type","code":"invalid","message":"Type is invalid"}]}""",
            ("X-Request-Id", "req-42")));
        using var client = ClientFor(server, new RecordingTimeProvider());

        var error = await Assert.ThrowsAsync<MeridianUnprocessableEntityException>(() =>
            client.Records.CreateAsync(new CreateRecordRequest { DomainId = "d", Type = "BOGUS", Name = "www", Value = "x" }));

        Assert.Single(server.Received);
        Assert.Equal(422, error.Status);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal(new MeridianProblem("Type is invalid", "type", "invalid"), Assert.Single(error.Problems));
        Assert.Equal("Type is invalid", error.Body.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Retry_After_is_capped_and_backoff_doubles_with_jitter_below_it()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(429, "{}", ("Retry-After", "3600")),
            ScriptedAnswer.Json(503, "{}"),
            ScriptedAnswer.Json(503, "{}"),
            ScriptedAnswer.Json(200, RecordJson));
        var time = new RecordingTimeProvider();
        using var client = ClientFor(server, time, maxRetries: 3);

        await client.Records.GetAsync("r1");

        Assert.Equal(TimeSpan.FromSeconds(30), time.Waits[0]);                  // capped at MaxRetryDelay
        Assert.InRange(time.Waits[1].TotalMilliseconds, 750, 1000);              // 500 ms × 2¹, up to 25 % off
        Assert.InRange(time.Waits[2].TotalMilliseconds, 1500, 2000);             // 500 ms × 2²
    }

    [Fact]
    public async Task Statuses_that_cannot_get_better_are_not_retried()
    {
        foreach (var status in new[] { 400, 401, 403, 404, 422 })
        {
            await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(status, """{"error":"no"}"""));
            using var client = ClientFor(server, new RecordingTimeProvider());
            var error = await Assert.ThrowsAnyAsync<MeridianApiException>(() => client.Records.GetAsync("r1"));
            Assert.Equal(status, error.Status);
            Assert.Single(server.Received);
        }
    }

    [Fact]
    public async Task Connection_errors_are_retried_then_reported()
    {
        Uri closed;
        await using (var server = await ScriptedServer.StartAsync()) closed = server.BaseUrl;   // its port is free again
        var time = new RecordingTimeProvider();
        using var client = new MeridianClient(new ClientSettings("mk_live_unit", MeridianEnvironment.Production, closed, closed, null,
            2, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30)), null, time);

        var error = await Assert.ThrowsAsync<MeridianConnectionException>(() => client.Records.GetAsync("r1"));

        Assert.False(error.TimedOut);
        Assert.Equal(2, time.Waits.Count);   // three attempts, two waits between them
    }

    [Fact]
    public async Task An_attempt_past_the_per_call_timeout_is_abandoned_and_retried()
    {
        await using var server = await ScriptedServer.StartAsync(new ScriptedAnswer(200, Hang: true), ScriptedAnswer.Json(200, RecordJson));
        using var client = ClientFor(server, new RecordingTimeProvider(), maxRetries: 1);

        // Long enough for the answering attempt on a busy machine; the hanging one is cut at it.
        var record = await client.Records.GetAsync("r1", new RequestOptions { Timeout = TimeSpan.FromSeconds(5) });

        Assert.Equal("r1", record.Id);
        Assert.Equal(2, server.Received.Count);

        server.Enqueue(new ScriptedAnswer(200, Hang: true));
        var error = await Assert.ThrowsAsync<MeridianConnectionException>(() =>
            client.Records.GetAsync("r1", new RequestOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxRetries = 0 }));
        Assert.True(error.TimedOut);
    }

    [Fact]
    public async Task The_callers_cancellation_stops_the_call_without_retrying()
    {
        await using var server = await ScriptedServer.StartAsync(new ScriptedAnswer(200, Hang: true), ScriptedAnswer.Json(200, RecordJson));
        using var client = ClientFor(server, new RecordingTimeProvider());
        using var cancel = new CancellationTokenSource();

        var call = client.Records.GetAsync("r1", cancellationToken: cancel.Token);
        while (server.Received.IsEmpty) await Task.Delay(10);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Received);
    }
}
