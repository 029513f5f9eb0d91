using System.Text;

namespace Meridian.Api.Tests.Support;

/// <summary>The table of bad inputs: malformed JSON, wrong JSON types, empty and huge bodies, bad UUIDs,
/// unknown record types and country codes, hostile zone files. Statuses follow client-api.txt (400 for a
/// body or id that is wrong, 404 for an id that is not the caller's, 413 for a body over the limit).</summary>
public static class BadInputs
{
    private const string Json = "application/json";
    private const string Text = "text/plain";
    private const int Megabyte = 1024 * 1024;

    /// <summary>A well-formed zone file over the 32 MB limit, made once (only its size matters).</summary>
    private static readonly Lazy<byte[]> s_fortyMegabyteZone = new(() => Repeat("$ORIGIN big-upload.example.\n", "big IN TXT \"filler\"\n", 40 * Megabyte));

    public static IReadOnlyDictionary<string, BadInput> All { get; } = new Dictionary<string, BadInput>(StringComparer.Ordinal)
    {
        // POST /api/client/domains
        ["domain: malformed JSON"] = Domain("""{"name": "a.example.com" """, 400, "not valid JSON"),
        ["domain: garbage after the JSON"] = Domain("""{"name":"a.example.com"} }""", 400, "Invalid request body"),
        ["domain: array instead of object"] = Domain("""["a.example.com"]""", 400, "Invalid request body"),
        ["domain: JSON null"] = Domain("null", 400, "JSON object"),
        ["domain: name is a number"] = Domain("""{"name":42}""", 400, "wrong type"),
        ["domain: name is an object"] = Domain("""{"name":{"value":"a.example.com"}}""", 400, "wrong type"),
        ["domain: empty body"] = Domain("", 400, "required"),
        ["domain: whitespace body"] = Domain(" \n\t ", 400, "Invalid request body"),
        ["domain: form-encoded body"] = new("POST", "/api/client/domains", "application/x-www-form-urlencoded", Utf8("name=a.example.com"), 400, "Invalid request body"),
        ["domain: invalid UTF-8"] = new("POST", "/api/client/domains", Json, _ => [.. "{\"name\":\""u8, 0xFF, 0xFE, 0xC0, .. "\"}"u8], 400, "Invalid request body"),
        ["domain: JSON nested 1000 deep"] = Domain("{\"name\":" + new string('[', 1000) + new string(']', 1000) + "}", 400, "Invalid request body"),
        ["domain: 2 MB JSON"] = Domain("{\"name\":\"" + new string('a', 2 * Megabyte) + "\"}", 413, "too large"),
        ["domain: 2 MB JSON, chunked"] = Domain("{\"name\":\"" + new string('a', 2 * Megabyte) + "\"}", 413, "too large") with { Chunked = true },

        // POST /api/client/records
        ["record: malformed JSON"] = Record("""{"domain_id":"{domain}","name":"x" """, 400, "not valid JSON"),
        ["record: empty body"] = Record("", 400, "required"),
        ["record: ttl is a string"] = Record(Fields("\"ttl\":\"3600\""), 400, "wrong type"),
        ["record: ttl is a fraction"] = Record(Fields("\"ttl\":3600.5"), 400, "wrong type"),
        ["record: ttl overflows"] = Record(Fields("\"ttl\":1e30"), 400, "wrong type"),
        ["record: priority is a string"] = Record("""{"domain_id":"{domain}","name":"@","type":"MX","value":"mx.example.net","priority":"10"}""", 400, "wrong type"),
        ["record: name is a number"] = Record("""{"domain_id":"{domain}","name":7,"type":"A","value":"192.0.2.7"}""", 400, "wrong type"),
        ["record: type is a boolean"] = Record("""{"domain_id":"{domain}","name":"x","type":true,"value":"192.0.2.7"}""", 400, "wrong type"),
        ["record: country_codes is a string"] = Record(Fields("\"country_codes\":\"US\""), 400, "wrong type"),
        ["record: country_codes holds a number"] = Record(Fields("\"country_codes\":[1]"), 400, "wrong type"),
        ["record: domain_id is not a UUID"] = Record("""{"domain_id":"not-a-uuid","name":"x","type":"A","value":"192.0.2.7"}""", 400, "Invalid domain ID"),
        ["record: domain_id is almost a UUID"] = Record("""{"domain_id":"01234567-89ab-cdef-0123-456789abcdeg","name":"x","type":"A","value":"192.0.2.7"}""", 400, "Invalid domain ID"),
        ["record: domain_id is a number"] = Record("""{"domain_id":12345,"name":"x","type":"A","value":"192.0.2.7"}""", 400, "wrong type"),
        ["record: domain_id is unknown"] = Record("""{"domain_id":"{unknown}","name":"x","type":"A","value":"192.0.2.7"}""", 404, "Domain not found"),
        ["record: unknown type"] = Record("""{"domain_id":"{domain}","name":"x","type":"FOO","value":"192.0.2.7"}""", 400, "'FOO' is not a record type"),
        ["record: meta type ANY"] = Record("""{"domain_id":"{domain}","name":"x","type":"ANY","value":"192.0.2.7"}""", 400, "ANY"),
        ["record: unknown country code"] = Record(Fields("\"country_codes\":[\"ZZ\"]"), 400, "\"ZZ\""),
        ["record: malformed country code"] = Record(Fields("\"country_codes\":[\"U$\"]"), 400, "\"U$\""),
        ["record: disabled mixed with a country"] = Record(Fields("\"country_codes\":[\"disabled\",\"US\"]"), 400, "disabled"),
        ["record: value with a line break"] = Record("""{"domain_id":"{domain}","name":"x","type":"A","value":"192.0.2.7\nevil IN A 192.0.2.66"}""", 400, "one line"),
        ["record: NUL in the name"] = Record("""{"domain_id":"{domain}","name":"x\u0000evil","type":"A","value":"192.0.2.7"}""", 400, "not valid"),
        ["record: 2 MB JSON"] = Record("{\"domain_id\":\"{domain}\",\"name\":\"x\",\"type\":\"TXT\",\"value\":\"" + new string('a', 2 * Megabyte) + "\"}", 413, "too large"),

        // PUT /api/client/records/{id}
        ["update: malformed JSON"] = Update("{record}", """{"value": """, 400, "not valid JSON"),
        ["update: empty body"] = Update("{record}", "", 400, "required"),
        ["update: ttl is a string"] = Update("{record}", """{"ttl":"300"}""", 400, "wrong type"),
        ["update: record id is not a UUID"] = Update("xyz", """{"value":"192.0.2.8"}""", 400, "Invalid record ID"),
        ["update: record id is unknown"] = Update("{unknown}", """{"value":"192.0.2.8"}""", 404, "Record not found"),

        // ids in paths
        ["delete domain: id is not a UUID"] = new("DELETE", "/api/client/domains/abc", "", _ => [], 400, "Invalid domain ID"),
        ["delete domain: id is unknown"] = new("DELETE", "/api/client/domains/{unknown}", "", _ => [], 404, "Domain not found"),
        ["list records: id is not a UUID"] = new("GET", "/api/client/domains/abc/records", "", _ => [], 400, "Invalid domain ID"),
        ["export: id is not a UUID"] = new("GET", "/api/client/domains/{domain}x/export/bind", "", _ => [], 400, "Invalid domain ID"),
        ["delete record: id is SQL"] = new("DELETE", "/api/client/records/1%27%20OR%20%271%27%3D%271", "", _ => [], 400, "Invalid record ID"),

        // POST /api/client/import/bind
        ["import: empty body"] = Import(_ => [], 400, "zone file"),
        ["import: binary garbage"] = Import(_ => Garbage(64 * 1024), 400, ""),
        ["import: $INCLUDE /etc/passwd"] = Import(ZoneFile("$ORIGIN {zone}\n$INCLUDE /etc/passwd\nwww IN A 192.0.2.9\n"), 400, "Line 2"),
        ["import: $INCLUDE with an origin"] = Import(ZoneFile("$ORIGIN {zone}\nwww IN A 192.0.2.9\n$INCLUDE /etc/hostname {zone}\n"), 400, "Line 3"),
        ["import: 40 MB"] = Import(_ => s_fortyMegabyteZone.Value, 413, "too large"),
        ["import: 40 MB, chunked"] = Import(_ => s_fortyMegabyteZone.Value, 413, "too large") with { Chunked = true },
        ["import: NUL bytes"] = Import(ZoneFile("$ORIGIN {zone}\nwww IN A 192.0.2.9\0\0\0evil\n"), 400, "No valid records"),
        ["import: unbalanced parentheses"] = Import(ZoneFile("$ORIGIN {zone}\nwww IN TXT ( ( \"a\"\nother IN A 192.0.2.9\n"), 400, "unbalanced"),
        ["import: a 1 MB TXT string"] = Import(ZoneFile("$ORIGIN {zone}\nwww IN TXT \"" + new string('x', Megabyte) + "\"\n"), 400, ""),
        ["import: a name of 300 labels"] = Import(ZoneFile("$ORIGIN {zone}\n" + string.Concat(Enumerable.Repeat("a.", 300)) + " IN A 192.0.2.9\n"), 400, ""),
        ["import: $ORIGIN is a public suffix"] = Import(ZoneFile("$ORIGIN com.\nwww IN A 192.0.2.9\n"), 400, "public suffix"),
        ["import: $ORIGIN is the root"] = Import(ZoneFile("$ORIGIN .\nwww.{zone} IN A 192.0.2.9\n"), 400, ""),
        ["import: UTF-16 text"] = Import(t => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(t.Fill("$ORIGIN {zone}\nwww IN A 192.0.2.9\n"))], 400, ""),
        ["import: only SOA and NS"] = Import(ZoneFile("$ORIGIN {zone}\n@ IN SOA ns.{zone} h.{zone} 1 2 3 4 5\n@ IN NS ns.example.net.\n"), 400, "No valid records"),
        ["import: unknown record type"] = Import(ZoneFile("$ORIGIN {zone}\nwww IN FOO 192.0.2.9\n"), 400, "No valid records"),
    };

    public static TheoryData<string> Names => new(All.Keys);

    private static BadInput Domain(string body, int status, string fragment) => new("POST", "/api/client/domains", Json, Utf8(body), status, fragment);

    private static BadInput Record(string body, int status, string fragment) => new("POST", "/api/client/records", Json, Utf8(body), status, fragment);

    private static BadInput Update(string id, string body, int status, string fragment) => new("PUT", "/api/client/records/" + id, Json, Utf8(body), status, fragment);

    private static BadInput Import(Func<BadInputTarget, byte[]> body, int status, string fragment) => new("POST", "/api/client/import/bind", Text, body, status, fragment);

    /// <summary>A valid A record's fields plus <paramref name="extra"/>.</summary>
    private static string Fields(string extra) => "{\"domain_id\":\"{domain}\",\"name\":\"x\",\"type\":\"A\",\"value\":\"192.0.2.7\"," + extra + "}";

    private static Func<BadInputTarget, byte[]> Utf8(string text) => target => Encoding.UTF8.GetBytes(target.Fill(text));

    private static Func<BadInputTarget, byte[]> ZoneFile(string text) => Utf8(text);

    private static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(20261123).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Repeat(string head, string line, int length)
    {
        var text = new StringBuilder(head, length + line.Length);
        while (text.Length < length) text.Append(line);
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
