using Meridian.Api.Http;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Http;

/// <summary>X-Request-Id on every answer: the caller's own short printable id is kept, anything else replaced.</summary>
public sealed class RequestIdTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    [Fact]
    public async Task Every_answer_names_its_request_and_keeps_a_callers_printable_id()
    {
        await host.StartAsync();
        var client = await host.NewClientAsync();
        var listed = await client.Api.GetAsync("/api/client/domains");
        var refused = await host.Anonymous().GetAsync("/api/client/domains");
        string? first = listed.Header(RequestIds.Header), second = refused.Header(RequestIds.Header);
        Assert.False(string.IsNullOrEmpty(first));
        Assert.False(string.IsNullOrEmpty(second));
        Assert.NotEqual(first, second);

        var kept = await client.Api.SendAsync(HttpMethod.Get, "/api/client/domains", headers: [(RequestIds.Header, "sdk-7f3a")]);
        Assert.Equal("sdk-7f3a", kept.Header(RequestIds.Header));
        var tooLong = await client.Api.SendAsync(HttpMethod.Get, "/api/client/domains", headers: [(RequestIds.Header, new string('x', RequestIds.MaxLength + 1))]);
        Assert.NotEqual(new string('x', RequestIds.MaxLength + 1), tooLong.Header(RequestIds.Header));
        Assert.False(string.IsNullOrEmpty(tooLong.Header(RequestIds.Header)));
    }
}
