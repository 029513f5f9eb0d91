using System.Text;
using System.Text.Json.Nodes;
using Meridian.Api.Auth;
using Meridian.Api.OpenApi;
using Meridian.Api.Partner;
using Meridian.Api.Tests.Support;
using Meridian.Platform.Model;
using Meridian.Platform.Services;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Meridian.Api.Tests.OpenApi;

/// <summary>The OpenAPI document of every surface, as the running server serves it: where and in which formats,
/// that it lists exactly the surface's endpoints, and that what it says about keys, refusals and servers is what
/// the server does.</summary>
[Collection(OpenApiDocumentsCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteApiHost host) : IAsyncLifetime
{
    public static TheoryData<string> Documents => [.. SurfaceDocuments.All.Select(d => d.Name)];

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Every_surface_that_has_endpoints_has_a_document()
    {
        Assert.Equal(SurfaceEndpoints.Surfaces(host), SurfaceDocuments.All.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_is_served_without_a_key_as_OpenApi_3_0_json_and_the_same_document_as_yaml(string name)
    {
        using var anonymous = host.Anonymous();
        var json = await anonymous.GetAsync($"/openapi/{name}.json");
        var yaml = await anonymous.GetAsync($"/openapi/{name}.yml");

        Assert.Equal(200, json.Status);
        Assert.Equal("application/json", json.ContentType?.MediaType);
        Assert.StartsWith("3.0.", JsonNode.Parse(json.Body)!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, yaml.Status);
        Assert.Contains(yaml.ContentType?.MediaType, new[] { "application/yaml", "text/yaml" });
        Assert.Matches(@"(?m)^openapi: '?3\.0\.\d+'?$", yaml.Body);
        // Both read back as the same OpenAPI document, without a reader error.
        Assert.True(JsonNode.DeepEquals(await ReadBackAsync(json.Body, OpenApiConstants.Json), await ReadBackAsync(yaml.Body, OpenApiConstants.Yaml)),
            "the YAML document differs from the JSON one");
    }

    [Fact]
    public async Task Unknown_document_is_not_found()
    {
        using var anonymous = host.Anonymous();
        Assert.Equal(404, (await anonymous.GetAsync("/openapi/no-such-api.json")).Status);
        Assert.Equal(404, (await anonymous.GetAsync("/openapi/no-such-api.yml")).Status);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_lists_every_endpoint_of_its_surface_and_no_other(string name)
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, name);
        var expected = SurfaceEndpoints.Of(host).Where(e => e.Surface == name).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, document.Operations.Select(o => o.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_operation_requires_the_bearer_key_and_documents_refusals_in_the_surface_shape(string name)
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, name);
        var scheme = document.Root["components"]!["securitySchemes"]![BearerSecurityTransformer.SchemeName]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());

        var errorSchemas = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Operations)
        {
            var security = operation.Node["security"]?.AsArray() ?? [];
            Assert.True(security.Any(requirement => requirement!.AsObject().ContainsKey(BearerSecurityTransformer.SchemeName)), $"{operation}: no bearer requirement");
            var refusals = document.Responses(operation).Where(r => r.Status[0] is '4' or '5').ToList();
            Assert.Contains(refusals, r => r.Status == "401");
            Assert.Contains(refusals, r => r.Status == "500");
            foreach (var (status, response) in refusals) errorSchemas.Add(ErrorSchemaName(document, response) ?? $"{operation} {status}: no JSON error schema");
        }
        // One error shape for the whole surface: the type its error writer returns.
        string expected = SurfaceDocuments.All.Single(d => d.Name == name).Surface
            .Body(400, [new Problem(null, "bad_request", "x")]).GetType().Name;
        Assert.Equal([expected], errorSchemas);
    }

    [Theory]
    [InlineData("partner-api", AccountKind.Partner)]
    [InlineData("client-api", AccountKind.Client)]
    [InlineData("admin-api", AccountKind.Admin)]
    public async Task Refusals_the_server_sends_match_the_documented_responses(string name, AccountKind kind)
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, name);
        using var anonymous = host.Anonymous();
        foreach (var operation in document.Operations)
        {
            var refusal = await SendAsync(anonymous, operation);
            AssertDocumented(document, operation, refusal);
        }

        // With a key of the surface's kind, an object that does not exist.
        using var caller = await KeyOfKindAsync(kind);
        var lookup = document.Operations.First(o => o.Method == "GET" && o.Path.Contains('{', StringComparison.Ordinal));
        var notFound = await SendAsync(caller, lookup);
        Assert.Equal(404, notFound.Status);
        AssertDocumented(document, lookup, notFound);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Servers_are_the_public_url_and_its_sandbox_as_the_server_tells_them_apart(string name)
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, name);
        var servers = document.Root["servers"]!.AsArray().Select(s => new Uri(s!["url"]!.GetValue<string>())).ToList();
        var environments = host.Service<RequestEnvironments>();

        Assert.Equal(new Uri(host.Service<IOptions<PublicUrlOptions>>().Value.PublicUrl).GetLeftPart(UriPartial.Authority), servers[0].GetLeftPart(UriPartial.Authority));
        Assert.Equal(ApiEnvironment.Production, environments.Of(servers[0].Host));
        bool hasSandbox = SurfaceDocuments.All.Single(d => d.Name == name).HasSandbox;
        Assert.Equal(hasSandbox ? 2 : 1, servers.Count);
        if (hasSandbox) Assert.Equal(ApiEnvironment.Sandbox, environments.Of(servers[1].Host));
    }

    [Theory]
    [InlineData("https://api.example.net", "https://api.sandbox.example.net")]
    [InlineData("https://api.sandbox.example.net", "https://api.sandbox.example.net")]
    [InlineData("https://dns.example.net/", "https://api.sandbox.dns.example.net")]
    [InlineData("http://127.0.0.1:8080", "http://sandbox.localhost:8080")]
    [InlineData("http://localhost:5000", "http://sandbox.localhost:5000")]
    [InlineData("http://[::1]:8080", "http://sandbox.localhost:8080")]
    public void Sandbox_server_follows_the_public_url_and_is_a_sandbox_host(string publicUrl, string sandboxUrl)
    {
        var environments = new RequestEnvironments(Options.Create(new PartnerOptions()));
        string derived = DocumentServersTransformer.SandboxUrl(publicUrl, new PartnerOptions().SandboxHosts);

        Assert.Equal(sandboxUrl, derived);
        Assert.Equal(ApiEnvironment.Sandbox, environments.Of(new Uri(derived).Host));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_example_in_the_document_fits_its_schema(string name)
    {
        var document = await ServedOpenApiDocument.FetchAsync(host, name);
        var examples = document.Examples().ToList();

        Assert.NotEmpty(examples);
        var problems = examples.SelectMany(e => e.Schema is null
            ? [$"{e.Where}: an example without a schema"]
            : document.Schemas.Validate(e.Example, e.Schema).Select(problem => $"{e.Where}: {problem}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The component schema an error response refers to, directly or as the one part of an allOf.</summary>
    private static string? ErrorSchemaName(ServedOpenApiDocument document, JsonObject response)
    {
        var schema = document.JsonSchema(response);
        var reference = schema?["$ref"] ?? schema?["allOf"]?.AsArray().SingleOrDefault()?["$ref"];
        return reference?.GetValue<string>().Split('/')[^1];
    }

    private static void AssertDocumented(ServedOpenApiDocument document, DocumentedOperation operation, ApiResponse refusal)
    {
        string status = refusal.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = document.Response(operation, status);
        Assert.True(response is not null, $"{operation} answered {status}, which its document does not list: {refusal.Body}");
        var problems = document.Schemas.Validate(JsonNode.Parse(refusal.Body), document.JsonSchema(response)!);
        Assert.True(problems.Count == 0, $"{operation} {status} {refusal.Body}:\n{string.Join('\n', problems)}");
    }

    /// <summary>The operation with every path parameter an id that names nothing, and an empty JSON object as body.</summary>
    private static Task<ApiResponse> SendAsync(ApiClient client, DocumentedOperation operation)
    {
        string path = string.Join('/', operation.Path.Split('/').Select(s => s.StartsWith('{') ? "00000000-0000-4000-8000-000000000001" : s));
        var content = operation.Node["requestBody"] is null ? null : new StringContent("{}", Encoding.UTF8, "application/json");
        return client.SendAsync(new HttpMethod(operation.Method), path, content);
    }

    private async Task<ApiClient> KeyOfKindAsync(AccountKind kind)
    {
        var account = await host.Service<AccountService>().CreateAsync(kind, $"openapi {kind} {Guid.NewGuid():N}", "openapi@example.net");
        Assert.True(account.Succeeded, account.ToString());
        var key = await host.Service<ApiKeyService>().IssueAsync(account.Value.Id, "openapi tests", ApiEnvironment.Production);
        Assert.True(key.Succeeded, key.ToString());
        return host.Anonymous("Bearer " + key.Value.Token);
    }

    /// <summary>The document read by Microsoft.OpenApi's reader (failing on any reader error) and written back as JSON.</summary>
    private static async Task<JsonNode?> ReadBackAsync(string text, string format)
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader(OpenApiConstants.Yaml, new OpenApiYamlReader());
        var (read, diagnostic) = OpenApiDocument.Parse(text, format, settings);
        Assert.True(diagnostic is not null && diagnostic.Errors.Count == 0, string.Join('\n', diagnostic?.Errors.Select(e => e.ToString()) ?? []));
        return JsonNode.Parse(await read!.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0));
    }
}

/// <summary>Query parameters that endpoints read by hand are in their documents, so generated clients can send them.</summary>
[Collection(OpenApiDocumentsCollection.Name)]
public sealed class DocumentedQueryParameterTests(SqliteApiHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("email-dns-api", "/api/v1/dns.provider", "Domain", true, "string")]
    [InlineData("email-dns-api", "/api/v1/dns.dkim", "Domain", true, "string")]
    [InlineData("email-dns-api", "/api/v1/dns.history", "Domain", true, "string")]
    [InlineData("simple-api", "/simple/records", "page[number]", false, "integer")]
    [InlineData("simple-api", "/simple/records", "page[size]", false, "integer")]
    public async Task A_query_parameter_read_by_hand_is_documented(string document, string path, string name, bool required, string type)
    {
        var served = await ServedOpenApiDocument.FetchAsync(host, document);
        var operation = served.Find("get", path);
        Assert.NotNull(operation);
        var parameter = operation.Node["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;
        Assert.Equal("query", parameter["in"]!.GetValue<string>());
        Assert.Equal(required, parameter["required"]?.GetValue<bool>() ?? false);
        Assert.Equal(type, parameter["schema"]!["type"]!.GetValue<string>());
    }
}
