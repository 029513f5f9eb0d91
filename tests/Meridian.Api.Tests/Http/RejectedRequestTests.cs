using Meridian.Api.Http;
using Meridian.Api.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Tests.Http;

/// <summary>Requests Kestrel rejects while the application reads them are the client's mistake: they keep their status
/// (not 500), answer in the error shape, and are logged at debug level without a stack trace, at most once per
/// interval. Each test has its own host, so one test's log lines do not use up another's interval.</summary>
public sealed class RejectedRequestTests
{
    [Fact]
    public Task Malformed_chunked_body_answers_400_and_is_logged_once_at_debug_without_a_stack_trace() =>
        WithHostAsync(async (client, logs) =>
        {
            for (int i = 0; i < 3; i++)
            {
                var response = await RawHttp.SendAsync(client.Api.Http.BaseAddress!, Head(client, "Transfer-Encoding: chunked"), "zz\r\n{}\r\n0\r\n\r\n");

                Assert.Equal(400, response.Status);
                Assert.Equal("Bad request", response.Body?.GetProperty("error").GetString());
            }

            AssertNothingLoggedAsAnError(logs);
            var logged = Assert.Single(logs.Entries, e => e.Category == typeof(RejectedRequestHandler).FullName);
            Assert.Equal(LogLevel.Debug, logged.Level);
            Assert.Null(logged.Exception);
            Assert.Contains("answered 400", logged.Message, StringComparison.Ordinal);
        });

    [Fact]
    public Task Body_sent_slower_than_the_minimum_rate_answers_408_and_is_not_logged_as_an_error() =>
        WithHostAsync(async (client, logs) =>
        {
            // 10 of 200 announced octets, then nothing: below Kestrel's 240 octets/s once its 5 s grace period is over.
            var response = await RawHttp.SendAsync(client.Api.Http.BaseAddress!, Head(client, "Content-Length: 200"), """{"name": "s""",
                timeout: TimeSpan.FromSeconds(30));

            Assert.Equal(408, response.Status);
            Assert.Equal("Request body was not received in time", response.Body?.GetProperty("error").GetString());
            AssertNothingLoggedAsAnError(logs);
            var logged = Assert.Single(logs.Entries, e => e.Category == typeof(RejectedRequestHandler).FullName);
            Assert.Null(logged.Exception);
        });

    /// <summary>A domain creation, which reads its JSON body, with the given framing header.</summary>
    private static string Head(ClientAccount client, string framing) => $"""
        POST /api/client/domains HTTP/1.1
        Host: localhost
        Authorization: Bearer {client.Token}
        Content-Type: application/json
        {framing}

        """;

    private static async Task WithHostAsync(Func<ClientAccount, CapturedLogs, Task> test)
    {
        var logs = new CapturedLogs();
        var host = new SqliteApiHost { Logs = logs };
        try
        {
            await host.StartAsync();
            await test(await host.NewClientAsync(), logs);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void AssertNothingLoggedAsAnError(CapturedLogs logs)
    {
        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Category} {e.Level}: {e.Message}")));
    }
}
