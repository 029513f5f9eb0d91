using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using Xunit.Abstractions;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>Every request and response body the Partner API's spec files show (../shared/specs/partner-api.txt and
/// partner-auth.txt) fits the schema the served Partner document gives that request or response, so a client written
/// from the spec and one generated from the document agree. The specs' general error body is checked against every
/// refusal but authentication failures, whose body the authentication guide gives.</summary>
[Collection(OpenApiDocumentsCollection.Name)]
public sealed class PartnerSpecExampleTests(SqliteApiHost host, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] s_specFiles = ["specs/partner-api.txt", "specs/partner-auth.txt"];

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_example_of_the_partner_specs_fits_the_served_partner_document()
    {
        var examples = ReadSpecExamples();
        var document = await ServedOpenApiDocument.FetchAsync(host, "partner-api");

        // The specs show requests and answers of six endpoints, the general error body and the authentication one.
        Assert.True(examples.OfType<RequestExample>().Count() >= 5, Describe(examples));
        Assert.True(examples.OfType<ResponseExample>().Count() >= 6, Describe(examples));
        Assert.Contains(examples, e => e is ErrorExample { Authentication: true });
        Assert.Contains(examples, e => e is ErrorExample { Authentication: false });
        output.WriteLine(Describe(examples));
        var problems = examples.SelectMany(example => Check(document, example)).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Partner_document_shows_an_example_of_every_body_the_specs_show()
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, "partner-api");
        var missing = new List<string>();
        foreach (var example in ReadSpecExamples())
        {
            var media = example switch
            {
                RequestExample request when document.Find(request.Method, request.Path) is { } operation => document.RequestBody(operation),
                ResponseExample { Body: not null } response when document.Find(response.Method, response.Path) is { } operation => document.Response(operation, response.Status),
                _ => null,
            };
            if (example is RequestExample or ResponseExample { Body: not null } && media?["content"]?["application/json"]?["example"] is null)
                missing.Add(example.Where);
        }
        Assert.True(missing.Count == 0, "no example in the document for: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> Check(ServedOpenApiDocument document, SpecExample example)
    {
        switch (example)
        {
            case RequestExample request:
            {
                var operation = document.Find(request.Method, request.Path);
                if (operation is null) return [$"{request.Where}: the document has no {request.Method} {request.Path}"];
                var schema = document.JsonSchema(document.RequestBody(operation));
                return schema is null ? [$"{request.Where}: {operation} takes no JSON body"] : Validate(document, request, request.Body, schema);
            }
            case ResponseExample response:
            {
                var operation = document.Find(response.Method, response.Path);
                if (operation is null) return [$"{response.Where}: the document has no {response.Method} {response.Path}"];
                var documented = document.Response(operation, response.Status);
                if (documented is null) return [$"{response.Where}: {operation} documents no {response.Status}"];
                var schema = document.JsonSchema(documented);
                if (response.Body is null) return schema is null ? [] : [$"{response.Where}: the spec's body is empty, the document's is not"];
                return schema is null ? [$"{response.Where}: {operation} {response.Status} has no JSON body"] : Validate(document, response, response.Body, schema);
            }
            case ErrorExample error:
            {
                var refusals = (from operation in document.Operations
                                from item in document.Responses(operation)
                                where item.Status[0] is '4' or '5' && (item.Status is "401" or "403") == error.Authentication
                                select (Where: $"{operation} {item.Status}", Schema: document.JsonSchema(item.Response))).ToList();
                if (refusals.Count == 0) return [$"{error.Where}: the document has no such refusal"];
                return refusals.SelectMany(r => r.Schema is null
                    ? [$"{error.Where} vs {r.Where}: no JSON body"]
                    : document.Schemas.Validate(error.Body, r.Schema).Select(problem => $"{error.Where} vs {r.Where}: {problem}"));
            }
            default:
                throw new NotSupportedException(example.GetType().Name);
        }
    }

    private static IEnumerable<string> Validate(ServedOpenApiDocument document, SpecExample example, JsonNode? body, JsonNode schema) =>
        document.Schemas.Validate(body, schema).Select(problem => $"{example.Where}: {problem}");

    /// <summary>The examples of both spec files; the test fails, naming the place it looked, when they are not there.</summary>
    private static List<SpecExample> ReadSpecExamples()
    {
        var examples = new List<SpecExample>();
        foreach (string relative in s_specFiles)
        {
            string? file = RepositoryFiles.Shared(relative);
            Assert.True(file is not null, $"{relative} not found in ../shared or ../../shared beside {RepositoryFiles.Root}");
            examples.AddRange(PartnerSpecExamples.Read(Path.GetFileName(file), File.ReadAllText(file)));
        }
        return examples;
    }

    private static string Describe(IEnumerable<SpecExample> examples) => string.Join('\n', examples.Select(e => $"{e.GetType().Name} {e.Where}"));
}
