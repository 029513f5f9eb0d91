using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Meridian.Api.Tests.EmailDns.StandIns;

/// <summary>DNSimple API v2: Bearer account token, whoami, zones and records paged (<c>pagination</c>, at most
/// <see cref="MaxPerPage"/> a page so paging is exercised; records filtered by <c>name</c>), record names relative (<c>""</c> the apex), rate-limit
/// headers on every answer, errors <c>{"message": …}</c>.</summary>
public sealed class DnsimpleStandIn : StandInProvider
{
    public const string Token = "dnsimple-account-token";
    public const long Account = 1010;

    private readonly Lock _gate = new();
    private long _next = 5000;

    public HashSet<string> Zones { get; } = [];

    public List<HeldRecord> Records { get; } = [];

    public int MaxPerPage { get; set; } = 3;

    /// <summary>While true, every request is 401 "Authentication failed", as for a revoked token.</summary>
    public bool RefuseCredentials { get; set; }

    protected override string Prefix => "/v2";

    public void AddZone(string zone)
    {
        lock (_gate)
        {
            Zones.Add(zone);
            // DNSimple lists its own SOA and NS at the apex as system records.
            Records.Add(new HeldRecord(NextId(), zone, "SOA", "ns1.dnsimple.com admin.dnsimple.com 1 86400 7200 604800 300", 3600));
            Records.Add(new HeldRecord(NextId(), zone, "NS", "ns1.dnsimple.com", 3600));
        }
    }

    public void Add(string zone, string name, string type, string content, int ttl = 3600, int? priority = null)
    {
        lock (_gate) Records.Add(new HeldRecord(NextId(), name.Length == 0 ? zone : name + "." + zone, type, content, ttl, priority));
    }

    public List<HeldRecord> RecordsOf(string zone)
    {
        lock (_gate) return [.. Records.Where(r => r.Name == zone || r.Name.EndsWith("." + zone, StringComparison.Ordinal))];
    }

    protected override void Map(WebApplication app)
    {
        var api = app.MapGroup(Prefix);
        api.AddEndpointFilter(async (context, next) =>
        {
            var headers = context.HttpContext.Response.Headers;
            headers["X-RateLimit-Limit"] = "2400";
            headers["X-RateLimit-Remaining"] = "2399";
            headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (RefuseCredentials || context.HttpContext.Request.Headers.Authorization.ToString() != "Bearer " + Token)
                return Results.Json(new JsonObject { ["message"] = "Authentication failed" }, statusCode: 401);
            return await next(context);
        });
        api.MapGet("/whoami", () => Results.Json(new JsonObject
        {
            ["data"] = new JsonObject { ["user"] = null, ["account"] = new JsonObject { ["id"] = Account, ["email"] = "owner@example.com", ["plan_identifier"] = "teams-v1-monthly" } },
        }));
        api.MapGet("/{account:long}/zones", (long account, int? page, int? per_page) =>
        {
            if (account != Account) return Results.Json(new JsonObject { ["message"] = "Account `" + account + "` not found" }, statusCode: 404);
            lock (_gate)
            {
                var all = Zones.Order(StringComparer.Ordinal).Select(z => (JsonNode)new JsonObject { ["id"] = z.GetHashCode(), ["account_id"] = Account, ["name"] = z, ["reverse"] = false }).ToArray();
                return Page(all, page ?? 1, Math.Min(per_page ?? 30, MaxPerPage));
            }
        });
        api.MapGet("/{account:long}/zones/{zone}/records", (long account, string zone, int? page, int? per_page, string? name) =>
        {
            lock (_gate)
            {
                if (account != Account || !Zones.Contains(zone)) return ZoneNotFound(zone);
                // DNSimple's name filter: an exact match of the relative name ("" the apex).
                var all = RecordsOf(zone).Where(r => name is null || r.Name == (name.Length == 0 ? zone : name + "." + zone))
                    .Select(r => (JsonNode)Json(r, zone)).ToArray();
                return Page(all, page ?? 1, Math.Min(per_page ?? 30, MaxPerPage));
            }
        });
        api.MapPost("/{account:long}/zones/{zone}/records", async (HttpContext http, long account, string zone) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            lock (_gate)
            {
                if (account != Account || !Zones.Contains(zone)) return ZoneNotFound(zone);
                if (body?["type"] is null || body["content"] is null || body["name"] is null) return Invalid();
                var record = FromBody(NextId(), zone, body, body["type"]!.GetValue<string>());
                Records.Add(record);
                return Results.Json(new JsonObject { ["data"] = Json(record, zone) }, statusCode: 201);
            }
        });
        api.MapPatch("/{account:long}/zones/{zone}/records/{id}", async (HttpContext http, long account, string zone, string id) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body);
            lock (_gate)
            {
                int index = Records.FindIndex(r => r.Id == id);
                if (account != Account || !Zones.Contains(zone) || index < 0) return Results.Json(new JsonObject { ["message"] = "Record `" + id + "` not found" }, statusCode: 404);
                var old = Records[index];
                Records[index] = old with
                {
                    Name = body?["name"] is { } n ? (n.GetValue<string>().Length == 0 ? zone : n.GetValue<string>() + "." + zone) : old.Name,
                    Content = body?["content"]?.GetValue<string>() ?? old.Content, Ttl = body?["ttl"]?.GetValue<int>() ?? old.Ttl,
                    Priority = body?["priority"]?.GetValue<int>() ?? old.Priority,
                };
                return Results.Json(new JsonObject { ["data"] = Json(Records[index], zone) });
            }
        });
        api.MapDelete("/{account:long}/zones/{zone}/records/{id}", (long account, string zone, string id) =>
        {
            lock (_gate)
            {
                if (account != Account || Records.RemoveAll(r => r.Id == id) == 0) return Results.Json(new JsonObject { ["message"] = "Record `" + id + "` not found" }, statusCode: 404);
                return Results.NoContent();
            }
        });
    }

    protected override Task TooManyRequestsAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "Your account has exceeded the rate limit" });

    protected override Task ServerErrorAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new JsonObject { ["message"] = "Internal server error" });

    private string NextId() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    private static IResult ZoneNotFound(string zone) => Results.Json(new JsonObject { ["message"] = "Zone `" + zone + "` not found" }, statusCode: 404);

    private static IResult Invalid() => Results.Json(new JsonObject
    {
        ["message"] = "Validation failed", ["errors"] = new JsonObject { ["content"] = new JsonArray("can't be blank") },
    }, statusCode: 400);

    private static HeldRecord FromBody(string id, string zone, JsonNode body, string type)
    {
        string name = body["name"]!.GetValue<string>();
        return new HeldRecord(id, name.Length == 0 ? zone : name + "." + zone, type, body["content"]!.GetValue<string>(),
            body["ttl"]?.GetValue<int>() ?? 3600, body["priority"]?.GetValue<int>());
    }

    private static JsonObject Json(HeldRecord r, string zone) => new()
    {
        ["id"] = long.Parse(r.Id, CultureInfo.InvariantCulture), ["zone_id"] = zone, ["parent_id"] = null,
        ["name"] = r.Name == zone ? "" : r.Name[..^(zone.Length + 1)], ["content"] = r.Content, ["ttl"] = r.Ttl, ["priority"] = r.Priority,
        ["type"] = r.Type, ["regions"] = new JsonArray("global"), ["system_record"] = r.Type is "SOA" or "NS",
        ["created_at"] = "2026-12-01T00:00:00Z", ["updated_at"] = "2026-12-01T00:00:00Z",
    };

    private static IResult Page(JsonNode[] all, int page, int perPage)
    {
        int totalPages = Math.Max(1, (all.Length + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToArray();
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray(items),
            ["pagination"] = new JsonObject { ["current_page"] = page, ["per_page"] = perPage, ["total_entries"] = all.Length, ["total_pages"] = totalPages },
        });
    }
}
