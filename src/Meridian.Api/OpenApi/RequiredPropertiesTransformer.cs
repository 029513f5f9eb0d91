using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Makes a schema's <c>required</c> list say what a caller can rely on. The generator requires every
/// constructor parameter, but request records take every field as optional (the endpoint checks what it needs and
/// answers in the surface's shape), and a field that may be null is no promise. So: a field is required when it is
/// marked <see cref="RequiredAttribute"/> (then it may not be null either), or when it is never null and not marked
/// <see cref="OptionalInDocumentAttribute"/>.</summary>
internal sealed class RequiredPropertiesTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties) return Task.CompletedTask;
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var attributes = property.AttributeProvider;
            bool marked = attributes?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
            bool optional = attributes?.IsDefined(typeof(OptionalInDocumentAttribute), inherit: true) == true;
            bool generated = schema.Required?.Contains(property.Name) == true;
            bool neverNull = properties.TryGetValue(property.Name, out var propertySchema) && !MayBeNull(propertySchema);
            if (marked || generated && neverNull && !optional) required.Add(property.Name);
            // A required field sent as null is refused like a missing one, so the document does not offer null.
            if (marked && propertySchema is OpenApiSchema { Type: { } type } inline) inline.Type = type & ~JsonSchemaType.Null;
        }
        schema.Required = required;
        return Task.CompletedTask;
    }

    private static bool MayBeNull(IOpenApiSchema schema) =>
        schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)
        || schema.OneOf?.Any(MayBeNull) == true
        || schema.AnyOf?.Any(MayBeNull) == true;
}
