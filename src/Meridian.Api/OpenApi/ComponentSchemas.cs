using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Meridian.Api.OpenApi;

/// <summary>Schemas that transformers add for types the generator did not meet on its own (an error body, a body read
/// by hand): an object type becomes a component named after the type, shared by every operation that uses it.</summary>
internal static class ComponentSchemas
{
    /// <summary>A reference to <paramref name="type"/>'s component (an inline schema for a string or number), and the
    /// component itself when this call added it.</summary>
    public static async Task<(IOpenApiSchema Schema, OpenApiSchema? Added)> GetOrAddAsync(
        OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(type.Name)) return (new OpenApiSchemaReference(type.Name, document), null);
        var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        if (schema.Type is not JsonSchemaType.Object) return (schema, null);
        document.AddComponent(type.Name, schema);
        return (new OpenApiSchemaReference(type.Name, document), schema);
    }
}
