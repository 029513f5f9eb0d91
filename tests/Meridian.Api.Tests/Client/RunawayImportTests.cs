using System.Net.Http.Headers;
using System.Text;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

/// <summary>A zone file of a few dozen bytes whose <c>$GENERATE</c> asks for millions of records: the
/// import must refuse it (4xx) naming the record cap, which shows it stopped reading there rather than
/// expanding the directive, and store nothing. It runs against a child `meridian serve`, so that if the server
/// does expand the directive, killing the child stops the work. (How fast the refusal comes is no assertion
/// here: timing goals belong to bench/.) The storage does not matter for a request that must be refused before
/// any write; SQLite is used.</summary>
public sealed class RunawayImportTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // Only a guard against a hung run: the refusal itself is checked by what it says, not by when.
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Import_of_a_GENERATE_of_millions_of_records_is_refused_at_the_cap_and_stores_nothing()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var server = await MeridianProcess.StartAsync();
        output.WriteLine($"started in {clock.ElapsedMilliseconds} ms");
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = s_giveUpAfter };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.ClientToken);
        string file = $"$ORIGIN {TestNames.Domain("runaway")}.\n$GENERATE 1-5000000 host-$ A 192.0.2.1\n";

        HttpResponseMessage? response = null;
        try
        {
            response = await http.PostAsync("/api/client/import/bind", new StringContent(file, Encoding.UTF8, "text/plain"));
        }
        catch (TaskCanceledException)
        {
            // No answer at all: reported below, after the child is stopped.
        }
        output.WriteLine($"answered or gave up at {clock.ElapsedMilliseconds} ms");
        server.Kill();
        output.WriteLine($"killed at {clock.ElapsedMilliseconds} ms");
        var stored = await server.CountStoredAsync();

        output.WriteLine($"counted at {clock.ElapsedMilliseconds} ms");
        Assert.Equal((0, 0), stored);
        Assert.True(response is not null,
            $"no answer within {s_giveUpAfter.TotalMinutes} minutes to a {file.Length}-byte zone file whose $GENERATE makes 5,000,000 records: the server is expanding it");
        int status = (int)response.StatusCode;
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 400 and < 500, $"expected a 4xx refusal, got {status}: {body}");
        Assert.Contains("more than 250,000 records", body, StringComparison.Ordinal);
    }
}
