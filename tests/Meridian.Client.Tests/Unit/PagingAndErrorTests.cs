using System.Text.Json;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary>Auto-pagination and the reading of each surface's error body.</summary>
public sealed class PagingAndErrorTests
{
    private static string Page(int page, int totalPages, params string[] ids)
    {
        var records = string.Join(',', ids.Select(id => "{\"id\":\"" + id + "\",\"type\":\"A\",\"name\":\"n\",\"value\":\"192.0.2.1\",\"ttl\":60}"));
        return $$$"""{"dns_records":[{{{records}}}],"pagination":{"page":{{{page}}},"per_page":100,"total":5,"total_pages":{{{totalPages}}}}}""";
    }

    [Fact]
    public async Task Records_ListAsync_walks_every_page_and_asks_for_the_next_only_when_read()
    {
        await using var server = await ScriptedServer.StartAsync(
            ScriptedAnswer.Json(200, Page(1, 3, "a", "b")),
            ScriptedAnswer.Json(200, Page(1, 3, "a", "b")), ScriptedAnswer.Json(200, Page(2, 3, "c", "d")), ScriptedAnswer.Json(200, Page(3, 3, "e")));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = server.BaseUrl });

        await using (var records = client.Records.ListAsync("dom1", type: "A").GetAsyncEnumerator())
        {
            Assert.True(await records.MoveNextAsync());
            Assert.Single(server.Received);
        }
        var all = new List<string>();
        await foreach (var record in client.Records.ListAsync("dom1", type: "A")) all.Add(record.Id);

        Assert.Equal(["a", "b", "c", "d", "e"], all);
        Assert.Equal(
            ["/api/v1/domains/dom1/dns_records?page=1&per_page=100&type=A", "/api/v1/domains/dom1/dns_records?page=1&per_page=100&type=A",
             "/api/v1/domains/dom1/dns_records?page=2&per_page=100&type=A", "/api/v1/domains/dom1/dns_records?page=3&per_page=100&type=A"],
            server.Received.Select(request => request.PathAndQuery));
    }

    [Theory]
    [InlineData("""{"error":"Invalid domain ID"}""", "Invalid domain ID", null)]                                              // Client API
    [InlineData("""{"Errors":[{"Code":3,"Message":"Invalid credentials","Detail":"bad token"}]}""", "Invalid credentials (bad token)", "3")] // Email DNS
    [InlineData("""{"errors":[{"title":"Domain not allowed"}],"meta":{"status":403}}""", "Domain not allowed", null)]     // Simple API
    [InlineData("""{"errors":["Name is required"]}""", "Name is required", null)]                                           // Partner, no details
    public void Each_surfaces_error_body_reads_as_problems(string body, string message, string? code)
    {
        var error = new MeridianApiException(400, JsonDocument.Parse(body).RootElement, null);
        var problem = Assert.Single(error.Problems);
        Assert.Equal(message, problem.Message);
        Assert.Equal(code, problem.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_kept_as_text()
    {
        await using var server = await ScriptedServer.StartAsync(new ScriptedAnswer(502, "<html>bad gateway</html>"));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = server.BaseUrl, MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<MeridianServerException>(() => client.Domains.GetAsync("d1"));

        Assert.Equal(JsonValueKind.String, error.Body.ValueKind);
        Assert.Equal("<html>bad gateway</html>", error.Body.GetString());
    }

    [Fact]
    public async Task An_answer_that_is_not_the_documented_shape_is_an_API_error_naming_the_type()
    {
        await using var server = await ScriptedServer.StartAsync(ScriptedAnswer.Json(200, """{"name":"no id here"}"""));
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = server.BaseUrl });

        var error = await Assert.ThrowsAsync<MeridianApiException>(() => client.Domains.GetAsync("d1"));

        Assert.Contains("PartnerDomain", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }
}
