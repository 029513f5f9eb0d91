using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>Checks a JSON value against a schema of an OpenAPI 3.0 document, for the keywords the served documents
/// use: <c>$ref</c>, <c>type</c> with <c>nullable</c>, <c>enum</c>, <c>required</c>, <c>properties</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> and the numeric and string
/// bounds. <c>format</c> is an annotation here (the specs' examples say "domain-uuid" where an id goes). Any other
/// keyword is reported, so a document that starts using one fails the check instead of passing unchecked.
/// (JSON Schema validators implement 2020-12, where OpenAPI 3.0's <c>nullable</c> means nothing.)</summary>
public sealed class OpenApiSchemaValidator(JsonNode document)
{
    private const int MaxDepth = 64;

    private static readonly HashSet<string> s_annotations =
        ["description", "format", "example", "title", "default", "readOnly", "writeOnly", "deprecated", "externalDocs", "nullable"];

    private static readonly HashSet<string> s_checked =
    [
        "$ref", "type", "enum", "required", "properties", "additionalProperties", "items", "allOf", "anyOf", "oneOf",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    ];

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each as "path: problem"; empty when it fits.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, JsonNode schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors, 0);
        return errors;
    }

    /// <summary>The node a local reference (<c>#/components/schemas/X</c>) points to.</summary>
    public JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"only local references are followed: {reference}");
        JsonNode? node = document;
        foreach (string token in reference[2..].Split('/'))
        {
            node = node?[token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }
        return node ?? throw new KeyNotFoundException($"{reference} does not resolve in the document");
    }

    /// <summary>The node itself, or what its <c>$ref</c> points to.</summary>
    public JsonObject Dereference(JsonNode node) =>
        (node["$ref"] is { } reference ? Dereference(Resolve(reference.GetValue<string>())) : node).AsObject();

    private void Check(JsonNode? value, JsonNode schemaNode, string path, List<string> errors, int depth)
    {
        if (depth > MaxDepth) throw new InvalidOperationException($"{path}: schema references nest deeper than {MaxDepth}");
        var schema = schemaNode.AsObject();
        // In OpenAPI 3.0 a $ref replaces its object: siblings are ignored.
        if (schema["$ref"] is { } reference)
        {
            Check(value, Resolve(reference.GetValue<string>()), path, errors, depth + 1);
            return;
        }
        foreach (var (keyword, _) in schema)
        {
            if (!s_checked.Contains(keyword) && !s_annotations.Contains(keyword) && !keyword.StartsWith("x-", StringComparison.Ordinal))
                errors.Add($"{path}: the schema uses '{keyword}', which this check does not know");
        }
        foreach (var part in schema["allOf"]?.AsArray() ?? []) Check(value, part!, path, errors, depth + 1);
        CheckAlternatives(value, schema, path, errors);
        if (schema["enum"] is JsonArray allowed && !allowed.Any(option => JsonNode.DeepEquals(option, value)))
            errors.Add($"{path}: {Show(value)} is not one of {allowed.ToJsonString()}");
        if (value is null)
        {
            if (schema["type"] is not null && schema["nullable"]?.GetValue<bool>() != true) errors.Add($"{path}: null is not allowed");
            return;
        }
        if (schema["type"]?.GetValue<string>() is { } type && !IsOfType(value, type))
        {
            errors.Add($"{path}: expected {type}, found {value.GetValueKind().ToString().ToLowerInvariant()} {Show(value)}");
            return;
        }
        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors, depth);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, errors, depth);
                break;
            default:
                CheckScalar(value.AsValue(), schema, path, errors);
                break;
        }
    }

    private void CheckAlternatives(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        foreach (string keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is not JsonArray options) continue;
            int matches = options.Count(option => Validate(value, option!).Count == 0);
            if (matches == 0 || keyword == "oneOf" && matches > 1)
                errors.Add($"{path}: {Show(value)} matches {matches} of the {options.Count} schemas of {keyword}");
        }
    }

    private void CheckObject(JsonObject value, JsonObject schema, string path, List<string> errors, int depth)
    {
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            string name = required!.GetValue<string>();
            if (!value.ContainsKey(name)) errors.Add($"{path}: required property '{name}' is missing");
        }
        var properties = schema["properties"]?.AsObject();
        foreach (var (name, property) in value)
        {
            if (properties?[name] is { } propertySchema) Check(property, propertySchema, $"{path}.{name}", errors, depth + 1);
            else if (schema["additionalProperties"] is JsonValue allowed && !allowed.GetValue<bool>()) errors.Add($"{path}: property '{name}' is not in the schema");
            else if (schema["additionalProperties"] is JsonObject extra) Check(property, extra, $"{path}.{name}", errors, depth + 1);
        }
    }

    private void CheckArray(JsonArray value, JsonObject schema, string path, List<string> errors, int depth)
    {
        if (schema["minItems"]?.GetValue<int>() is int min && value.Count < min) errors.Add($"{path}: fewer than {min} items");
        if (schema["maxItems"]?.GetValue<int>() is int max && value.Count > max) errors.Add($"{path}: more than {max} items");
        if (schema["items"] is not { } items) return;
        for (int i = 0; i < value.Count; i++) Check(value[i], items, $"{path}[{i}]", errors, depth + 1);
    }

    private static void CheckScalar(JsonValue value, JsonObject schema, string path, List<string> errors)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            string text = value.GetValue<string>();
            if (schema["minLength"]?.GetValue<int>() is int min && text.Length < min) errors.Add($"{path}: shorter than {min}");
            if (schema["maxLength"]?.GetValue<int>() is int max && text.Length > max) errors.Add($"{path}: longer than {max}");
            if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
                errors.Add($"{path}: '{text}' does not match {pattern}");
        }
        else if (value.GetValueKind() == JsonValueKind.Number)
        {
            double number = value.GetValue<double>();
            bool exclusiveMin = schema["exclusiveMinimum"]?.GetValue<bool>() == true;
            bool exclusiveMax = schema["exclusiveMaximum"]?.GetValue<bool>() == true;
            if (schema["minimum"]?.GetValue<double>() is double min && (number < min || exclusiveMin && number == min)) errors.Add($"{path}: below {min}");
            if (schema["maximum"]?.GetValue<double>() is double max && (number > max || exclusiveMax && number == max)) errors.Add($"{path}: above {max}");
        }
    }

    private static bool IsOfType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) or ("array", JsonValueKind.Array) or ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => double.IsInteger(value.GetValue<double>()),
        _ => false,
    };

    private static string Show(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..57]}...");
    }
}
