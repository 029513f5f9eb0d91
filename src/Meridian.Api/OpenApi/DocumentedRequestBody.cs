using Microsoft.AspNetCore.Builder;

namespace Meridian.Api.OpenApi;

/// <summary>The body an endpoint reads by hand, for its OpenAPI document only. <c>Accepts&lt;T&gt;</c> would say the same
/// to the document but also make routing refuse every other Content-Type with 415, and the endpoints that read their
/// body by hand accept whatever type the caller labels it (the Client API's clients send zone files as form data).</summary>
public sealed record DocumentedRequestBody(Type Type, string ContentType);

/// <summary>Declares <see cref="DocumentedRequestBody"/> on an endpoint.</summary>
public static class DocumentedRequestBodyExtensions
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder builder, string contentType = "application/json") =>
        builder.WithMetadata(new DocumentedRequestBody(typeof(T), contentType));
}
