using Microsoft.AspNetCore.Builder;

namespace Meridian.Api.OpenApi;

/// <summary>A query parameter an endpoint reads by hand (the Email DNS API's parameters come from the query, a form or
/// JSON alike; the Simple API's <c>page[number]</c> is no C# name), for its OpenAPI document only.</summary>
public sealed record DocumentedQueryParameter(string Name, string Description, bool Required, bool Integer);

/// <summary>Declares <see cref="DocumentedQueryParameter"/>s on an endpoint.</summary>
public static class DocumentedQueryParameterExtensions
{
    public static RouteHandlerBuilder DocumentsQuery(this RouteHandlerBuilder builder, string name, string description,
        bool required = false, bool integer = false) =>
        builder.WithMetadata(new DocumentedQueryParameter(name, description, required, integer));
}
