using Meridian.Api.Auth;
using Meridian.Api.Surfaces;
using Meridian.Platform.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Idempotency;

/// <summary>Honours <c>Idempotency-Key</c> on POST and PATCH to an <see cref="IdempotentEndpoint"/> called with an API
/// key (or as a Simple API user, <see cref="KeylessCallerFeature"/>): the first request with a key runs and its answer (status, content type, body) is stored; a retry with the
/// same key and the same method, path and body within 24 hours gets that answer again, marked
/// <c>Idempotent-Replayed: true</c>, and changes nothing. The same key with another request is 422, a duplicate
/// that arrives while the first is still running 409, a key over 255 characters 400. Only 2xx and 4xx answers
/// other than 429 are stored; a 5xx, a 429 or a failure can be retried for real. Browser sessions have no key and
/// are served as if no header were sent.</summary>
internal sealed partial class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The largest answer that is stored (a batch of 1000 records answers with about 150 KB).</summary>
    public const int MaxStoredBody = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(KeyHeader, out var values)
            || !(HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method))
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is null
            || CallerOf(context) is not { } apiKeyId)
        {
            return next(context);
        }
        string key = values.ToString();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(key))
            return Refuse(context, StatusCodes.Status400BadRequest, "Send one non-empty Idempotency-Key header");
        if (key.Length > IdempotencyStore.MaxKeyLength)
            return Refuse(context, StatusCodes.Status400BadRequest, $"Idempotency-Key must be at most {IdempotencyStore.MaxKeyLength} characters");
        return RunOnceAsync(context, apiKeyId, key);
    }

    /// <summary>Whose keys these are: the API key's id, or the caller a key-less scheme named
    /// (<see cref="KeylessCallerFeature"/>); none for a browser session.</summary>
    private static Guid? CallerOf(HttpContext context) =>
        context.TryGetActor(out var actor) && actor.ApiKeyId is { } apiKeyId ? apiKeyId : context.Features.Get<KeylessCallerFeature>()?.Caller;

    private async Task RunOnceAsync(HttpContext context, Guid apiKeyId, string key)
    {
        byte[] fingerprint = await RequestFingerprint.ComputeAsync(context.Request, context.RequestAborted);
        var claim = await store.ClaimAsync(apiKeyId, key, fingerprint, context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
            case IdempotencyOutcome.Mismatch:
                await Refuse(context, StatusCodes.Status422UnprocessableEntity,
                    "This Idempotency-Key was already used with a different request (method, path or body); send a new key for a new request");
                return;
            case IdempotencyOutcome.InFlight:
                // Unlike a lasting conflict, this one clears by itself: Retry-After tells a client (the SDKs) to wait and retry.
                context.Response.Headers.RetryAfter = "1";
                await Refuse(context, StatusCodes.Status409Conflict, "A request with this Idempotency-Key is still being processed; retry shortly");
                return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var capture = new ResponseBodyCapture(original, MaxStoredBody);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        bool stored = false;
        try
        {
            await next(context);
            await capture.FlushPendingAsync();
            var response = context.Response;
            if (IsFinal(response.StatusCode) && !capture.Overflowed)
            {
                // Not the request's token: a client that gave up must still find the answer when it retries.
                stored = await store.CompleteAsync(claim, new StoredResponse(response.StatusCode, response.ContentType, capture.Kept), CancellationToken.None);
            }
            if (!stored) LogNotStored(logger, response.StatusCode, capture.Overflowed);
        }
        finally
        {
            context.Features.Set(original);
            if (!stored) await AbandonAsync(claim);
        }
    }

    /// <summary>An answer a retry should get again: success, or a refusal of the request itself. A 429 or a 5xx
    /// says nothing about the request, so a retry runs it for real.</summary>
    private static bool IsFinal(int status) =>
        status is >= 200 and < 300 || (status is >= 400 and < 500 && status != StatusCodes.Status429TooManyRequests);

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null) response.ContentType = stored.ContentType;
        response.Headers[ReplayedHeader] = "true";
        if (stored.Body.Length > 0) await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    private async Task AbandonAsync(IdempotencyClaim claim)
    {
        try
        {
            await store.AbandonAsync(claim, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The request's own outcome (or exception) matters more; the claim lapses after the in-flight timeout.
            LogAbandonFailed(logger, exception);
        }
    }

    private static Task Refuse(HttpContext context, int status, string message) =>
        SurfaceErrors.WriteAsync(context, status, [new Problem(KeyHeader, ApiSurface.CodeOf(status), message)]);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Idempotency: answer {Status} not stored (too large: {Overflowed}); a retry runs again")]
    private static partial void LogNotStored(ILogger logger, int status, bool overflowed);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Idempotency: releasing a claim failed; it lapses after the in-flight timeout")]
    private static partial void LogAbandonFailed(ILogger logger, Exception exception);
}
