using System.Text;
using Meridian.Api.Tests.Support;

namespace Meridian.Api.Tests.Client;

public abstract partial class ClientApiTests
{
    /// <summary>Every endpoint that takes a domain or record id, as (method, path, body) with {domain} and {record}.</summary>
    private static readonly (string Method, string Path, string? Body)[] s_idEndpoints =
    [
        ("DELETE", "/api/client/domains/{domain}", null),
        ("GET", "/api/client/domains/{domain}/records", null),
        ("GET", "/api/client/domains/{domain}/export/bind", null),
        ("POST", "/api/client/records", """{"domain_id":"{domain}","name":"evil","type":"A","value":"192.0.2.66"}"""),
        ("PUT", "/api/client/records/{record}", """{"value":"192.0.2.66"}"""),
        ("DELETE", "/api/client/records/{record}", null),
    ];

    [Fact]
    public async Task Another_clients_domain_or_record_is_404_on_every_endpoint_that_takes_an_id()
    {
        var (owner, domainId, zone) = await ClientWithDomainAsync("owned");
        var record = await owner.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        var intruder = await Host.NewClientAsync();
        await intruder.Api.CreateDomainAsync(TestNames.Domain("intruder"));
        var before = await Host.SnapshotAsync();

        foreach (var (method, path, body) in s_idEndpoints)
        {
            var response = await SendAsync(intruder.Api, method, path, body, domainId, IdOf(record));
            Assert.True(response.Status == 404, $"{method} {path}: {response.Status} {response.Body}");
            Assert.Contains(path.Contains("{record}", StringComparison.Ordinal) ? "Record not found" : "Domain not found", response.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
        Assert.Equal(["192.0.2.1"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Data("A"));
        Assert.DoesNotContain(zone, (await intruder.Api.GetAsync("/api/client/domains")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_malformed_ids_are_400_on_every_endpoint_that_takes_an_id()
    {
        var client = await Host.NewClientAsync();

        foreach (var (method, path, body) in s_idEndpoints)
        {
            var unknown = await SendAsync(client.Api, method, path, body, Guid.NewGuid(), Guid.NewGuid());
            Assert.True(unknown.Status == 404, $"{method} {path} (unknown id): {unknown.Status} {unknown.Body}");
            var malformed = await SendRawAsync(client.Api, method, path, body, "not-a-uuid", "01234567-89ab-cdef-0123-456789abcdeg");
            Assert.True(malformed.Status == 400, $"{method} {path} (malformed id): {malformed.Status} {malformed.Body}");
            Assert.Contains("Invalid", malformed.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Importing_into_another_clients_domain_is_409_and_changes_nothing()
    {
        var (owner, domainId, zone) = await ClientWithDomainAsync("importowned");
        await owner.Api.CreateRecordAsync(domainId, "www", "A", "192.0.2.1");
        var intruder = await Host.NewClientAsync();
        var before = await Host.SnapshotAsync();

        var refused = await intruder.Api.ImportAsync($"$ORIGIN {zone}\nwww IN A 192.0.2.66\nevil IN A 192.0.2.66\n");

        refused.ExpectError(409, zone);
        Assert.Equal(before.Lines, (await Host.SnapshotAsync()).Lines);
        Assert.Equal(["192.0.2.1"], (await Dig.QueryAsync(Host.DnsEndpoint, "www." + zone, "A")).Data("A"));
    }

    private static Task<ApiResponse> SendAsync(ApiClient api, string method, string path, string? body, Guid domainId, Guid recordId) =>
        SendRawAsync(api, method, path, body, domainId.ToString(), recordId.ToString());

    private static Task<ApiResponse> SendRawAsync(ApiClient api, string method, string path, string? body, string domainId, string recordId)
    {
        string Fill(string text) => text.Replace("{domain}", domainId, StringComparison.Ordinal).Replace("{record}", recordId, StringComparison.Ordinal);
        var content = body is null ? null : new StringContent(Fill(body), Encoding.UTF8, "application/json");
        return api.SendAsync(new HttpMethod(method), Fill(path), content);
    }
}
