using System.Text.Json.Nodes;
using Meridian.Api.Tests.Simple;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Idempotency;

/// <summary><c>Idempotency-Key</c> beyond the Partner API: the SDKs retry any POST or PATCH with a key, so a retried
/// Client API create and a retried Simple API create must each apply once.</summary>
public sealed class SurfaceIdempotencyTests(SimpleApiHost host) : IClassFixture<SimpleApiHost>, IAsyncLifetime
{
    private const string Replayed = "Idempotent-Replayed";

    public Task InitializeAsync() => host.ReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_retried_client_api_domain_create_answers_the_first_201_again_and_makes_one_domain()
    {
        var client = await host.NewClientAsync();
        string name = TestNames.Domain("idem");
        var body = new JsonObject { ["name"] = name };
        (string, string)[] key = [("Idempotency-Key", "create-" + name)];

        var first = await client.Api.SendAsync(HttpMethod.Post, "/api/client/domains", ApiClient.Json(body.ToJsonString()), key);
        var retry = await client.Api.SendAsync(HttpMethod.Post, "/api/client/domains", ApiClient.Json(body.ToJsonString()), key);
        var without = await client.Api.SendAsync(HttpMethod.Post, "/api/client/domains", ApiClient.Json(body.ToJsonString()));

        first.Expect(201);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("true", retry.Header(Replayed));
        // The same request without the header is a new request: the domain exists, so it is refused.
        Assert.Equal(409, without.Status);
        Assert.Single((await client.Api.GetAsync("/api/client/domains")).Expect(200).EnumerateArray(), d => d.GetProperty("name").GetString() == name + ".");
    }

    [Fact]
    public async Task A_retried_simple_api_create_answers_the_first_200_again_not_record_already_exists()
    {
        using var alice = host.Simple("alice");
        string body = """{"domain_type":"A","domain":"example.net","subdomain":"idem","to":"192.0.2.61"}""";
        (string, string)[] key = [("Idempotency-Key", "alice-idem")];

        var first = await alice.SendAsync(HttpMethod.Post, "/simple/records", ApiClient.Json(body), key);
        var retry = await alice.SendAsync(HttpMethod.Post, "/simple/records", ApiClient.Json(body), key);

        first.Expect(200);
        Assert.Equal(first.Body, retry.Body);
        Assert.Equal("true", retry.Header(Replayed));
        // Keys are per user: bob's identical key is his own, and his request is judged on its own (a foreign domain).
        using var bob = host.Simple("bob");
        var bobs = await bob.SendAsync(HttpMethod.Post, "/simple/records", ApiClient.Json(body), key);
        Assert.Null(bobs.Header(Replayed));
        Assert.Equal(400, bobs.Status);
        var again = await alice.SendAsync(HttpMethod.Post, "/simple/records", ApiClient.Json(body));
        Assert.Equal(409, again.Status);
    }
}
