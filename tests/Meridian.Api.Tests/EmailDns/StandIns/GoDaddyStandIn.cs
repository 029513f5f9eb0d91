using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Tests.EmailDns.StandIns;

/// <summary>GoDaddy Domains API v1: <c>sso-key KEY:SECRET</c>, records with relative names ("@" the apex), PATCH to
/// append, PUT of one type and name to replace that set, DELETE of a set; errors <c>{"code","message"[,"fields"]}</c>.</summary>
public sealed class GoDaddyStandIn : StandInProvider
{
    public const string Key = "godaddy-api-key";
    public const string Secret = "godaddy-api-secret";

    private readonly Lock _gate = new();

    public HashSet<string> Domains { get; } = [];

    public List<HeldRecord> Records { get; } = [];

    public void Add(string domain, string name, string type, string data, int ttl = 600, int? priority = null)
    {
        lock (_gate) Records.Add(new HeldRecord(domain, Absolute(name, domain), type, data, ttl, priority));
    }

    public List<HeldRecord> RecordsOf(string domain)
    {
        lock (_gate) return [.. Records.Where(r => r.Id == domain)];
    }

    protected override void Map(WebApplication app)
    {
        app.MapGet("/v1/domains/{domain}", (HttpContext http, string domain) => Guard(http, domain) ?? Results.Json(new JsonObject
        {
            ["domain"] = domain, ["domainId"] = 1234, ["status"] = "ACTIVE", ["nameServers"] = new JsonArray("ns01.domaincontrol.com", "ns02.domaincontrol.com"),
        }));
        app.MapGet("/v1/domains/{domain}/records", (HttpContext http, string domain) => Guard(http, domain) ?? List(domain, null, null));
        app.MapGet("/v1/domains/{domain}/records/{type}/{name}", (HttpContext http, string domain, string type, string name) =>
            Guard(http, domain) ?? List(domain, type, name));
        app.MapPatch("/v1/domains/{domain}/records", async (HttpContext http, string domain) =>
        {
            if (Guard(http, domain) is { } refusal) return refusal;
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonArray;
            if (Invalid(body) is { } invalid) return invalid;
            lock (_gate)
            {
                foreach (var item in body!) Records.Add(FromBody(domain, item!, null, null));
            }
            return Results.Ok();
        });
        app.MapPut("/v1/domains/{domain}/records/{type}/{name}", async (HttpContext http, string domain, string type, string name) =>
        {
            if (Guard(http, domain) is { } refusal) return refusal;
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonArray;
            if (Invalid(body, type, name) is { } invalid) return invalid;
            lock (_gate)
            {
                string absolute = Absolute(name, domain);
                int at = Records.FindIndex(r => r.Id == domain && r.Type == type && r.Name == absolute);
                Records.RemoveAll(r => r.Id == domain && r.Type == type && r.Name == absolute);
                var replaced = body!.Select(item => FromBody(domain, item!, type, name)).ToList();
                Records.InsertRange(at < 0 ? Records.Count : Math.Min(at, Records.Count), replaced);
            }
            return Results.Ok();
        });
        app.MapDelete("/v1/domains/{domain}/records/{type}/{name}", (HttpContext http, string domain, string type, string name) =>
        {
            if (Guard(http, domain) is { } refusal) return refusal;
            lock (_gate)
            {
                string absolute = Absolute(name, domain);
                if (Records.RemoveAll(r => r.Id == domain && r.Type == type && r.Name == absolute) == 0)
                    return Results.Json(new JsonObject { ["code"] = "NOT_FOUND", ["message"] = "The given domain/record was not found" }, statusCode: 404);
            }
            return Results.NoContent();
        });
    }

    protected override Task TooManyRequestsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["code"] = "TOO_MANY_REQUESTS", ["message"] = "Too many requests received within interval", ["retryAfterSec"] = 1 });

    protected override Task ServerErrorAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["code"] = "INTERNAL_SERVER_ERROR", ["message"] = "An internal error occurred" });

    private IResult? Guard(HttpContext http, string domain)
    {
        if (http.Request.Headers.Authorization.ToString() != $"sso-key {Key}:{Secret}")
            return Results.Json(new JsonObject { ["code"] = "UNABLE_TO_AUTHENTICATE", ["message"] = "Unauthorized : Could not authenticate API key/secret" }, statusCode: 401);
        lock (_gate)
        {
            return Domains.Contains(domain) ? null
                : Results.Json(new JsonObject { ["code"] = "NOT_FOUND", ["message"] = $"Domain {domain} not found for shopper" }, statusCode: 404);
        }
    }

    private IResult List(string domain, string? type, string? name)
    {
        lock (_gate)
        {
            var items = Records.Where(r => r.Id == domain && (type is null || r.Type == type) && (name is null || r.Name == Absolute(name, domain)))
                .Select(r => (JsonNode)Json(r, domain)).ToArray();
            return Results.Json(new JsonArray(items));
        }
    }

    private static IResult? Invalid(JsonArray? body, string? type = null, string? name = null)
    {
        var fields = new JsonArray();
        if (body is null) return Results.Json(new JsonObject { ["code"] = "INVALID_BODY", ["message"] = "Request body must be an array" }, statusCode: 422);
        for (int i = 0; i < body.Count; i++)
        {
            var item = body[i];
            if ((type is null && item?["type"] is null) || (name is null && item?["name"] is null) || item?["data"] is null)
                fields.Add(new JsonObject { ["code"] = "MISSING_REQUIRED", ["message"] = "type, name and data are required", ["path"] = $"records[{i}]" });
            else if (item["ttl"]?.GetValue<int>() is < 600 and not 0)
                fields.Add(new JsonObject { ["code"] = "UNEXPECTED_VALUE", ["message"] = "ttl must be at least 600", ["path"] = $"records[{i}].ttl" });
        }
        return fields.Count == 0 ? null : Results.Json(new JsonObject { ["code"] = "INVALID_BODY", ["fields"] = fields, ["message"] = "Request body doesn't fulfill schema, see details in `fields`" }, statusCode: 422);
    }

    private static HeldRecord FromBody(string domain, JsonNode item, string? type, string? name) => new(domain,
        Absolute(name ?? item["name"]!.GetValue<string>(), domain), type ?? item["type"]!.GetValue<string>(), item["data"]!.GetValue<string>(),
        item["ttl"]?.GetValue<int>() ?? 3600, item["priority"]?.GetValue<int>());

    private static JsonObject Json(HeldRecord r, string domain)
    {
        var json = new JsonObject { ["data"] = r.Content, ["name"] = r.Name == domain ? "@" : r.Name[..^(domain.Length + 1)], ["ttl"] = r.Ttl, ["type"] = r.Type };
        if (r.Priority is { } p) json["priority"] = p;
        return json;
    }

    private static string Absolute(string name, string domain) => name == "@" ? domain : name + "." + domain;
}
