using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Tests.EmailDns.StandIns;

/// <summary>Cloudflare API v4: Bearer tokens, zones by name, DNS records paged (at most <see cref="MaxPerPage"/> a
/// page whatever <c>per_page</c> asks, so paging is exercised), errors as <c>{"success":false,"errors":[…]}</c>.</summary>
public sealed class CloudflareStandIn : StandInProvider
{
    public const string Token = "cloudflare-api-key";
    public const string ExpiredToken = "cloudflare-expired-token";

    private readonly Lock _gate = new();
    private int _next = 1;

    public Dictionary<string, string> Zones { get; } = new(); // name -> id

    public List<HeldRecord> Records { get; } = [];

    public int MaxPerPage { get; set; } = 3;

    protected override string Prefix => "/client/v4";

    public string AddZone(string name)
    {
        string id = "zone" + Guid.NewGuid().ToString("N")[..20];
        lock (_gate) Zones[name] = id;
        return id;
    }

    public void Add(string name, string type, string content, int ttl = 1, int? priority = null)
    {
        lock (_gate) Records.Add(new HeldRecord(NewId(), name, type, content, ttl, priority));
    }

    public List<HeldRecord> RecordsOf(string zone)
    {
        lock (_gate) return [.. Records.Where(r => r.Name == zone || r.Name.EndsWith("." + zone, StringComparison.Ordinal))];
    }

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup(Prefix);
        api.MapGet("/user/tokens/verify", (HttpContext http) => Authorized(http, out string token) is { } refusal ? refusal
            : Ok(new JsonObject { ["id"] = "tok1", ["status"] = token == ExpiredToken ? "expired" : "active" }));
        api.MapGet("/zones", (HttpContext http, string? name) =>
        {
            if (Authorized(http, out _) is { } refusal) return refusal;
            lock (_gate)
            {
                var found = Zones.Where(z => name is null || z.Key == name)
                    .Select(z => (JsonNode)new JsonObject { ["id"] = z.Value, ["name"] = z.Key, ["status"] = "active" }).ToArray();
                return Page(found, 1, 50);
            }
        });
        api.MapGet("/zones/{zone}/dns_records", (HttpContext http, string zone, int? page, int? per_page) =>
        {
            if (Authorized(http, out _) is { } refusal) return refusal;
            lock (_gate)
            {
                if (ZoneName(zone) is not { } name) return Error(404, 7003, "Could not route to /zones/" + zone + "/dns_records, perhaps your object identifier is invalid?");
                var all = RecordsOf(name).Select(r => (JsonNode)Json(r, zone)).ToArray();
                return Page(all, page ?? 1, Math.Min(per_page ?? 100, MaxPerPage));
            }
        });
        api.MapPost("/zones/{zone}/dns_records", async (HttpContext http, string zone) =>
        {
            if (Authorized(http, out _) is { } refusal) return refusal;
            var body = await JsonNode.ParseAsync(http.Request.Body);
            lock (_gate)
            {
                if (ZoneName(zone) is not { } name) return Error(404, 7003, "Could not route to /zones/" + zone + "/dns_records, perhaps your object identifier is invalid?");
                if (Invalid(body, name) is { } invalid) return invalid;
                var record = FromBody(NewId(), body!);
                Records.Add(record);
                return Ok(Json(record, zone));
            }
        });
        api.MapPut("/zones/{zone}/dns_records/{id}", async (HttpContext http, string zone, string id) =>
        {
            if (Authorized(http, out _) is { } refusal) return refusal;
            var body = await JsonNode.ParseAsync(http.Request.Body);
            lock (_gate)
            {
                int index = Records.FindIndex(r => r.Id == id);
                if (ZoneName(zone) is not { } name || index < 0) return Error(404, 81044, "Record does not exist.");
                if (Invalid(body, name) is { } invalid) return invalid;
                Records[index] = FromBody(id, body!);
                return Ok(Json(Records[index], zone));
            }
        });
        api.MapDelete("/zones/{zone}/dns_records/{id}", (HttpContext http, string zone, string id) =>
        {
            if (Authorized(http, out _) is { } refusal) return refusal;
            lock (_gate)
            {
                if (Records.RemoveAll(r => r.Id == id) == 0) return Error(404, 81044, "Record does not exist.");
                return Ok(new JsonObject { ["id"] = id });
            }
        });
    }

    protected override Task TooManyRequestsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(Envelope(false, null, 971, "Please wait and consider throttling your request speed"));

    protected override Task ServerErrorAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(Envelope(false, null, 10000, "Internal error"));

    private string? ZoneName(string id) => Zones.FirstOrDefault(z => z.Value == id).Key;

    private string NewId() => "rec" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static IResult? Authorized(HttpContext http, out string token)
    {
        string header = http.Request.Headers.Authorization.ToString();
        token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : "";
        return token is Token or ExpiredToken ? null : Error(401, 1000, "Invalid API Token");
    }

    private static IResult? Invalid(JsonNode? body, string zone)
    {
        string? type = body?["type"]?.GetValue<string>();
        string? name = body?["name"]?.GetValue<string>();
        string? content = body?["content"]?.GetValue<string>();
        if (type is null || name is null || content is null) return Error(400, 9005, "Content for the record is required");
        if (name != zone && !name.EndsWith("." + zone, StringComparison.Ordinal)) return Error(400, 9007, "Record name is outside the zone");
        if (type == "TXT" && !content.StartsWith('"') && content.Length > 255) return Error(400, 9100, "TXT content is longer than 255 characters; split it into quoted strings");
        return null;
    }

    private static HeldRecord FromBody(string id, JsonNode body) => new(id, body["name"]!.GetValue<string>(), body["type"]!.GetValue<string>(),
        body["content"]!.GetValue<string>(), body["ttl"]?.GetValue<int>() ?? 1, body["priority"]?.GetValue<int>());

    private static JsonObject Json(HeldRecord r, string zoneId) => new()
    {
        ["id"] = r.Id, ["zone_id"] = zoneId, ["type"] = r.Type, ["name"] = r.Name, ["content"] = r.Content, ["ttl"] = r.Ttl, ["proxied"] = false,
        ["priority"] = r.Priority, ["comment"] = null,
    };

    private static IResult Page(JsonNode[] all, int page, int perPage)
    {
        int totalPages = Math.Max(1, (all.Length + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(n => n.DeepClone()).ToArray();
        var body = Envelope(true, new JsonArray(items));
        body["result_info"] = new JsonObject { ["page"] = page, ["per_page"] = perPage, ["count"] = items.Length, ["total_count"] = all.Length, ["total_pages"] = totalPages };
        return Results.Json(body);
    }

    private static IResult Ok(JsonNode result) => Results.Json(Envelope(true, result));

    private static IResult Error(int status, int code, string message) => Results.Json(Envelope(false, null, code, message), statusCode: status);

    private static JsonObject Envelope(bool success, JsonNode? result, int code = 0, string? message = null) => new()
    {
        ["success"] = success,
        ["errors"] = success ? new JsonArray() : new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
        ["messages"] = new JsonArray(),
        ["result"] = result,
    };
}
