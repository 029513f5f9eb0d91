using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Meridian.Client.Http;

/// <summary>Sends a call: builds each attempt, retries what is worth retrying, and turns refusals into typed
/// exceptions. Every resource group sends through the one transport of its client.</summary>
internal sealed class MeridianTransport(HttpClient http, ClientSettings settings, TimeProvider time)
{
    private static readonly ProductInfoHeaderValue UserAgent = new("Meridian.Client", typeof(MeridianTransport).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    public ClientSettings Settings => settings;

    public async Task<T> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> answer, RequestOptions? options, CancellationToken cancellationToken)
    {
        var body = await SendForBytesAsync(request, options, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, answer)
                ?? throw new MeridianApiException($"{request.Method} {request.Path} answered null.");
        }
        catch (JsonException unreadable)
        {
            // The server's answer is not the documented shape: an SDK older or newer than the server.
            throw new MeridianApiException(
                $"{request.Method} {request.Path} answered a body that is not a {typeof(T).Name}: {unreadable.Message}", unreadable);
        }
    }

    public async Task SendAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        await SendForBytesAsync(request, options, cancellationToken);

    public async Task<string> SendForTextAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken) =>
        System.Text.Encoding.UTF8.GetString(await SendForBytesAsync(request, options, cancellationToken));

    /// <summary>The answer's body bytes (empty for 204).</summary>
    public async Task<byte[]> SendForBytesAsync(ApiRequest request, RequestOptions? options, CancellationToken cancellationToken)
    {
        var maxRetries = options?.MaxRetries ?? settings.MaxRetries;
        var timeout = options?.Timeout ?? settings.Timeout;
        // Made once, before the first attempt: a retry of a call the server did apply is answered from its record.
        var idempotencyKey = request.NeedsIdempotencyKey ? options?.IdempotencyKey ?? Guid.NewGuid().ToString("N") : null;

        for (var attempt = 0; ; attempt++)
        {
            using var message = Build(request, idempotencyKey);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            HttpResponseMessage? response = null;
            byte[] body;
            try
            {
                response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            }
            catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                if (attempt < maxRetries)
                {
                    await WaitAsync(attempt, null, cancellationToken);
                    continue;
                }
                throw new MeridianConnectionException(
                    $"{request.Method} {request.Url} did not answer within {timeout.TotalSeconds:0.###} s ({attempt + 1} attempt(s)).", timedOut) { TimedOut = true };
            }
            catch (HttpRequestException failed)
            {
                response?.Dispose();
                if (attempt < maxRetries)
                {
                    await WaitAsync(attempt, null, cancellationToken);
                    continue;
                }
                throw new MeridianConnectionException(
                    $"{request.Method} {request.Url} failed: {failed.Message} ({attempt + 1} attempt(s)).", failed);
            }
            catch
            {
                response?.Dispose();
                throw;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode) return body;
                var retryAfter = RetryRules.RetryAfter(response.Headers, time.GetUtcNow());
                if (attempt < maxRetries && RetryRules.IsRetryable(response.StatusCode))
                {
                    await WaitAsync(attempt, retryAfter, cancellationToken);
                    continue;
                }
                throw MeridianApiException.For((int)response.StatusCode, ParseBody(body), RequestId(response), retryAfter);
            }
        }
    }

    private static HttpRequestMessage Build(ApiRequest request, string? idempotencyKey)
    {
        var message = new HttpRequestMessage(request.Method, request.Url);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.UserAgent.Add(UserAgent);
        if (request.Credential is { } credential)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        if (idempotencyKey is not null)
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.BodyMediaType) { CharSet = "utf-8" };
        }
        return message;
    }

    private Task WaitAsync(int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
        Task.Delay(RetryRules.Delay(attempt, retryAfter, settings.InitialRetryDelay, settings.MaxRetryDelay), time, cancellationToken);

    private static JsonElement ParseBody(byte[] body)
    {
        if (body.Length == 0) return default;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): keep the text so the caller still sees what came back.
            return JsonSerializer.SerializeToElement(System.Text.Encoding.UTF8.GetString(body), ErrorTextContext.Default.String);
        }
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Request-Id", out var values) ? values.FirstOrDefault() : null;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class ErrorTextContext : System.Text.Json.Serialization.JsonSerializerContext;
