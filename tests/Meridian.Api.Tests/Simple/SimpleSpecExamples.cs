using System.Text.Json.Nodes;
using Meridian.Api.Tests.Support;
using static Meridian.Api.Tests.Simple.SimpleApiTests;

namespace Meridian.Api.Tests.Simple;

/// <summary>The spec's examples in its order, as a script sends them, against whichever backend the host runs:
/// <c>held</c> says which records the backend serves at a name (<c>"A 192.0.2.10"</c>, <c>"CNAME api.example.org"</c>),
/// through dig on the <c>meridian</c> backend, from the stand-in DNSimple on the <c>dnsimple</c> one.</summary>
internal static class SimpleSpecExamples
{
    public static async Task RunAsync(ApiClient anonymous, ApiClient alice, string mount, Func<string, Task<IReadOnlyList<string>>> held)
    {
        var health = await anonymous.GetAsync(mount + "/");
        Assert.Equal("healthcheck", Envelope(health).GetProperty("data").GetProperty("type").GetString());

        foreach (var whoami in new[] { await alice.SendAsync(HttpMethod.Post, mount + "/whoami"), await alice.GetAsync(mount + "/whoami") })
        {
            var user = Envelope(whoami).GetProperty("data");
            Assert.Equal("alice", user.GetProperty("id").GetString());
            Assert.Equal("user", user.GetProperty("type").GetString());
        }

        var domains = Envelope(await alice.GetAsync(mount + "/domains")).GetProperty("data").EnumerateArray()
            .Select(d => d.GetProperty("type").GetString() + " " + d.GetProperty("id").GetString()).ToList();
        Assert.Equal(["domain example.com", "domain example.net", "blacklisted_subdomain www", "blacklisted_subdomain mail"], domains);

        // POST /records, exactly the spec's body and header.
        var created = Envelope(await alice.SendRawJsonAsync(HttpMethod.Post, mount + "/records",
            """{"domain_type": "cname", "domain": "example.com", "subdomain": "api", "to": "api.example.org"}""")).GetProperty("data");
        long id = created.GetProperty("id").GetInt64();
        AssertRecord(created, id, "CNAME", "example.com", "api", "api.example.org");
        Assert.Equal(["CNAME api.example.org"], await held("api.example.com"));

        AssertRecord(Envelope(await alice.GetAsync($"{mount}/records/{id}")).GetProperty("data"), id, "CNAME", "example.com", "api", "api.example.org");

        // The spec's PATCH example sends POST /records/<id> with the same target; then a real PATCH moves it.
        AssertRecord(Envelope(await alice.SendRawJsonAsync(HttpMethod.Post, $"{mount}/records/{id}", """{"to": "api.example.org"}""")).GetProperty("data"),
            id, "CNAME", "example.com", "api", "api.example.org");
        Assert.Equal(["CNAME api.example.org"], await held("api.example.com"));
        AssertRecord(Envelope(await alice.PatchJsonAsync($"{mount}/records/{id}", new JsonObject { ["to"] = "edge.example.org" })).GetProperty("data"),
            id, "CNAME", "example.com", "api", "edge.example.org");
        Assert.Equal(["CNAME edge.example.org"], await held("api.example.com"));

        AssertRecord(Envelope(await alice.DeleteAsync($"{mount}/records/{id}")).GetProperty("data"), id, "CNAME", "example.com", "api", "edge.example.org");
        Assert.Empty(await held("api.example.com"));
        ExpectTitle(await alice.GetAsync($"{mount}/records/{id}"), 404, "Record not found");

        // The path forms: create, update in place (same id), delete.
        var upserted = Envelope(await alice.SendAsync(HttpMethod.Post, mount + "/records/A/example.com/api/192.0.2.10")).GetProperty("data");
        long pathId = upserted.GetProperty("id").GetInt64();
        AssertRecord(upserted, pathId, "A", "example.com", "api", "192.0.2.10");
        Assert.Equal(["A 192.0.2.10"], await held("api.example.com"));
        var moved = Envelope(await alice.SendAsync(HttpMethod.Post, mount + "/records/a/EXAMPLE.com/API/192.0.2.11")).GetProperty("data");
        AssertRecord(moved, pathId, "A", "example.com", "api", "192.0.2.11");
        Assert.Equal(["A 192.0.2.11"], await held("api.example.com"));
        AssertRecord(Envelope(await alice.DeleteAsync(mount + "/records/A/example.com/api")).GetProperty("data"), pathId, "A", "example.com", "api", "192.0.2.11");
        Assert.Empty(await held("api.example.com"));
        ExpectTitle(await alice.DeleteAsync(mount + "/records/A/example.com/api"), 404, "Record not found");
    }

    /// <summary>What DNS answers at <paramref name="name"/> for A and CNAME, "TYPE data" each (names without the final dot).</summary>
    public static async Task<IReadOnlyList<string>> DnsAnswersAsync(System.Net.IPEndPoint dns, string name)
    {
        var a = await Dig.QueryAsync(dns, name, "A");
        var cname = await Dig.QueryAsync(dns, name, "CNAME");
        var answers = a.Data("A").Select(d => "A " + d).Concat(cname.Data("CNAME").Select(d => "CNAME " + d.TrimEnd('.'))).ToList();
        // Nothing there must be nothing at all at that name, not an empty answer beside other data.
        if (answers.Count == 0) Assert.Equal("NXDOMAIN", a.Status);
        return answers;
    }
}
