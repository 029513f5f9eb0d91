using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>A document as served at <c>/openapi/{name}.json</c>, with the look-ups the tests make.</summary>
public sealed class ServedOpenApiDocument
{
    private static readonly HashSet<string> s_methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private ServedOpenApiDocument(string name, JsonObject root)
    {
        Name = name;
        Root = root;
        Schemas = new OpenApiSchemaValidator(root);
    }

    public string Name { get; }

    public JsonObject Root { get; }

    public OpenApiSchemaValidator Schemas { get; }

    public static async Task<ServedOpenApiDocument> FetchAsync(ApiHost host, string name)
    {
        using var api = host.Anonymous();
        var response = await api.GetAsync($"/openapi/{name}.json");
        Assert.True(response.Status == 200, $"/openapi/{name}.json: {response.Status}");
        return new ServedOpenApiDocument(name, JsonNode.Parse(response.Body)!.AsObject());
    }

    public IEnumerable<DocumentedOperation> Operations =>
        from path in Root["paths"]!.AsObject()
        from item in path.Value!.AsObject()
        where s_methods.Contains(item.Key)
        select new DocumentedOperation(item.Key.ToUpperInvariant(), path.Key, item.Value!.AsObject());

    /// <summary>The operation for a request: <paramref name="path"/> may be concrete (<c>/api/v1/users/u-1/domains</c>)
    /// or a template whose parameters are named differently.</summary>
    public DocumentedOperation? Find(string method, string path) =>
        Operations.FirstOrDefault(operation => string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(operation.Path, path));

    /// <summary>The operation's responses by status, their references followed.</summary>
    public IEnumerable<(string Status, JsonObject Response)> Responses(DocumentedOperation operation) =>
        operation.Node["responses"]!.AsObject().Select(r => (r.Key, Schemas.Dereference(r.Value!)));

    public JsonObject? Response(DocumentedOperation operation, string status) =>
        operation.Node["responses"]?[status] is { } response ? Schemas.Dereference(response) : null;

    /// <summary>The JSON schema of a request body or response, or null when it has no JSON content.</summary>
    public JsonNode? JsonSchema(JsonObject? bodyOrResponse) => bodyOrResponse?["content"]?["application/json"]?["schema"];

    public JsonObject? RequestBody(DocumentedOperation operation) =>
        operation.Node["requestBody"] is { } body ? Schemas.Dereference(body) : null;

    /// <summary>Every media type in the document that carries an example, with where it is and its schema.</summary>
    public IEnumerable<(string Where, JsonNode? Example, JsonNode? Schema)> Examples()
    {
        foreach (var operation in Operations)
        {
            foreach (var (where, holder) in Holders(operation))
            {
                foreach (var (mediaType, media) in holder["content"]?.AsObject() ?? [])
                {
                    if (media!.AsObject().TryGetPropertyValue("example", out var example)) yield return ($"{operation} {where} {mediaType}", example, media["schema"]);
                }
            }
        }
    }

    private IEnumerable<(string Where, JsonObject Holder)> Holders(DocumentedOperation operation)
    {
        if (RequestBody(operation) is { } body) yield return ("request", body);
        foreach (var (status, response) in Responses(operation)) yield return (status, response);
    }

    private static bool Matches(string template, string path)
    {
        string[] expected = template.Split('/');
        string[] actual = path.Split('/');
        return expected.Length == actual.Length && expected.Zip(actual).All(pair => IsParameter(pair.First) || pair.First == pair.Second);
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}

/// <summary>One operation of a document.</summary>
public sealed record DocumentedOperation(string Method, string Path, JsonObject Node)
{
    public override string ToString() => $"{Method} {Path}";
}
