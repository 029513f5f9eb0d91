using Microsoft.AspNetCore.Builder;

namespace Meridian.Api.Http;

/// <summary>Every answer names its request in <c>X-Request-Id</c>, the id the logs carry for it, so a client (the
/// SDKs put it on their errors) can quote it in a support request. A caller's own id is kept when it sends a short,
/// printable one; otherwise the server's trace identifier is used.</summary>
public static class RequestIds
{
    public const string Header = "X-Request-Id";

    public const int MaxLength = 128;

    public static IApplicationBuilder UseRequestIds(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Headers[Header] is { Count: 1 } sent && IsAcceptable(sent.ToString())) context.TraceIdentifier = sent.ToString();
        context.Response.Headers[Header] = context.TraceIdentifier;
        return next(context);
    });

    private static bool IsAcceptable(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => c is > ' ' and < (char)0x7f);
}
