using System.Collections.Concurrent;
using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>The fixture's rate-limited server (a few requests per key in a 2 s window): its 429s are waited out.</summary>
[Collection(LiveCollection.Name)]
public sealed class RateLimitTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_the_calls_succeed()
    {
        var statuses = new ConcurrentQueue<int>();
        using var http = new HttpClient(new StatusRecorder(statuses) { InnerHandler = new HttpClientHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new MeridianClient(new MeridianClientOptions
        {
            ApiKey = Fixture.Text("limited", "productionKey"),
            BaseUrl = Fixture.Url("limited", "baseUrl"),
            MaxRetries = 4,
        }, http);

        var perWindow = int.Parse(Fixture.Text("limited", "perMinute"), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < perWindow * 2 + 1; i++)
        {
            var session = await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = $"limited-{i}" });
            Assert.Equal($"limited-{i}", session.UserIdentifier);
        }

        Assert.Contains(429, statuses);   // the budget ran out at least once ...
        Assert.Equal(perWindow * 2 + 1, statuses.Count(status => status == 201));   // ... and every call still succeeded once
    }

    [Fact]
    public async Task Without_retries_the_429_is_a_typed_error_with_Retry_After()
    {
        using var client = new MeridianClient(new MeridianClientOptions
        {
            ApiKey = Fixture.Text("limited", "productionKey"),
            BaseUrl = Fixture.Url("limited", "baseUrl"),
            MaxRetries = 0,
        });

        MeridianRateLimitException? limited = null;
        for (var i = 0; i < 50 && limited is null; i++)
        {
            try
            {
                await client.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = "limited-typed" });
            }
            catch (MeridianRateLimitException error)
            {
                limited = error;
            }
        }

        Assert.NotNull(limited);
        Assert.Equal(429, limited.Status);
        Assert.NotNull(limited.RetryAfter);
        Assert.InRange(limited.RetryAfter.Value, TimeSpan.Zero, TimeSpan.FromSeconds(int.Parse(Fixture.Text("limited", "burstWindowSeconds"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.NotEmpty(limited.Messages);
    }

    private sealed class StatusRecorder(ConcurrentQueue<int> statuses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Enqueue((int)response.StatusCode);
            return response;
        }
    }
}
