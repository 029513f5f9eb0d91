using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meridian.Client.Tests.Support;

/// <summary>A real HTTP server on a loopback port chosen by the system (Kestrel), answering each request with the
/// next scripted answer and recording what it received: what the client's retry rules are tested against.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedAnswer> answers = new();
    private readonly TaskCompletionSource never = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<ScriptedServer> StartAsync(params ScriptedAnswer[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var server = new ScriptedServer(builder.Build());
        foreach (var answer in answers) server.answers.Enqueue(answer);
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public void Enqueue(params ScriptedAnswer[] more)
    {
        foreach (var answer in more) answers.Enqueue(answer);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        Received.Enqueue(new ReceivedRequest(
            http.Request.Method,
            http.Request.Path + http.Request.QueryString,
            http.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await reader.ReadToEndAsync()));
        if (!answers.TryDequeue(out var answer))
            answer = new ScriptedAnswer(500, """{"error":"the script ran out of answers"}""");
        if (answer.Hang)
        {
            await never.Task.WaitAsync(http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        http.Response.StatusCode = answer.Status;
        foreach (var header in answer.Headers ?? new Dictionary<string, string>()) http.Response.Headers[header.Key] = header.Value;
        if (answer.Body is { } body)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        never.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record ScriptedAnswer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static ScriptedAnswer Json(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(header => header.Name, header => header.Value));
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
