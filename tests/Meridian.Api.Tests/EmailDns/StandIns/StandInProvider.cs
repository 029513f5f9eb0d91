using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Tests.EmailDns.StandIns;

/// <summary>A stand-in for a DNS provider's API: a real HTTP server (Kestrel on 127.0.0.1, a port the system picks)
/// answering the provider's paths, headers, bodies, status codes and error bodies as
/// <c>../shared/reference/providers.md</c> describes them, holding the records a test reads at the end. It can be told
/// to answer the next requests with 429 and Retry-After, or to fail a write.</summary>
public abstract class StandInProvider : IAsyncDisposable
{
    private WebApplication? _app;
    private int _tooManyRequests;
    private int _writesBeforeFailure = -1;

    /// <summary>Every request, "METHOD /path?query", in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The path prefix of the API under the server's root ("/client/v4").</summary>
    protected virtual string Prefix => "";

    public int WriteCount => Requests.Count(r => !r.StartsWith("GET ", StringComparison.Ordinal) && !IsRead(r));

    /// <summary>The next <paramref name="count"/> requests get 429 with <c>Retry-After: 1</c>.</summary>
    public void AnswerTooManyRequests(int count) => Volatile.Write(ref _tooManyRequests, count);

    /// <summary>After <paramref name="writes"/> more writes succeed, every write fails with a 5xx.</summary>
    public void FailWritesAfter(int writes) => Volatile.Write(ref _writesBeforeFailure, writes);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            string line = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
            Requests.Enqueue(line);
            if (Interlocked.Decrement(ref _tooManyRequests) >= 0)
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "1";
                await TooManyRequestsAsync(context);
                return;
            }
            if (IsWrite(context.Request) && Interlocked.Decrement(ref _writesBeforeFailure) == -1)
            {
                Volatile.Write(ref _writesBeforeFailure, 0);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await ServerErrorAsync(context);
                return;
            }
            await next(context);
        });
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/') + Prefix;
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Whether a request changes records (a write the failure switch applies to).</summary>
    protected virtual bool IsWrite(HttpRequest request) => !HttpMethods.IsGet(request.Method);

    /// <summary>Whether a logged request line is a read (Namecheap reads by POST too).</summary>
    protected virtual bool IsRead(string line) => false;

    protected abstract Task TooManyRequestsAsync(HttpContext context);

    protected abstract Task ServerErrorAsync(HttpContext context);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A record a stand-in holds, in the shape tests compare: absolute name, type, content, TTL, priority.</summary>
public sealed record HeldRecord(string Id, string Name, string Type, string Content, int Ttl, int? Priority = null)
{
    public override string ToString() => $"{Name} {Ttl} {Type} {(Priority is { } p ? p + " " : "")}{Content}";
}
