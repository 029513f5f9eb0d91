using System.Net.Http.Headers;
using System.Text.Json;
using Meridian.Client.EmailDnsApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>The Email DNS API writing to the Cloudflare stand-in, and the Simple API's one-call upsert.</summary>
[Collection(LiveCollection.Name)]
public sealed class EmailDnsAndSimpleTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task Email_DNS_detects_Cloudflare_and_dns_set_writes_SPF_DKIM_and_DMARC_at_the_stand_in()
    {
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = Fixture.Text("emailDns", "apiKey"), BaseUrl = Fixture.BaseUrl });
        var domain = Fixture.Text("emailDns", "domain");
        var provider = Fixture.Text("emailDns", "provider");
        var providerKey = Fixture.Text("emailDns", "authorize", "ApiKey");

        Assert.Equal(provider, (await client.EmailDns.ProviderAsync(domain)).Provider);
        var command = new EmailDnsCommandBody { Domain = domain, Provider = provider, ApiKey = providerKey, RecordType = Fixture.Text("emailDns", "recordType") };
        Assert.True((await client.EmailDns.AuthorizeAsync(command)).Success);
        Assert.True((await client.EmailDns.SetAsync(command)).Success);

        var written = await StandInRecordsAsync();
        Assert.Contains(written, record => record.Type == "TXT" && record.Name == domain && record.Content.Contains("v=spf1", StringComparison.Ordinal));
        Assert.Contains(written, record => record.Type == "TXT" && record.Name == $"_dmarc.{domain}" && record.Content.Contains("v=DMARC1", StringComparison.Ordinal));
        var dkim = await client.EmailDns.DkimAsync(domain);
        Assert.All(dkim.Keys, key => Assert.Contains(written, record => record.Name == key.DnsName));
        Assert.NotEmpty(dkim.Keys);

        var history = await ToListAsync(client.EmailDns.HistoryAsync(domain));
        Assert.Contains(history, entry => entry.Provider == provider && entry.Records.Count > 0);

        // The provider refusing the credentials is the provider's failure: 502, with Cloudflare's reason in Detail.
        var refused = await Assert.ThrowsAsync<MeridianServerException>(() =>
            client.EmailDns.SetAsync(command with { ApiKey = "wrong-cloudflare-key" }, new RequestOptions { MaxRetries = 0 }));
        Assert.Equal(502, refused.Status);
        Assert.True(refused.Body.TryGetProperty("Errors", out _));
        Assert.NotNull(Assert.Single(refused.Problems).Code);
    }

    [Fact]
    public async Task The_Simple_API_upserts_a_name_with_its_token_and_dig_sees_it()
    {
        var domain = Fixture.Text("simple", "domain");
        using var client = new MeridianClient(new MeridianClientOptions
        {
            BaseUrl = Fixture.BaseUrl,
            SimpleBaseUrl = Fixture.Url("simple", "baseUrl"),
            SimpleToken = Fixture.Text("simple", "token"),
        });

        Assert.Equal(Fixture.Text("simple", "user"), (await client.Simple.WhoAmIAsync()).Data.Id);
        var created = await client.Simple.UpsertAsync("A", domain, "api", "192.0.2.55");
        Assert.Equal("192.0.2.55", created.Data.To);
        Assert.Equal(["192.0.2.55"], await DigUntilAsync($"api.{domain}", "A", "192.0.2.55"));

        var moved = await client.Simple.UpsertAsync("A", domain, "api", "192.0.2.56");
        Assert.Equal(created.Data.Id, moved.Data.Id);
        Assert.Equal(["192.0.2.56"], await DigUntilAsync($"api.{domain}", "A", "192.0.2.56"));
        Assert.Contains(await ToListAsync(client.Simple.ListRecordsAsync()), record => record.Id == created.Data.Id && record.To == "192.0.2.56");

        var blacklisted = Fixture.Info.GetProperty("simple").GetProperty("blacklist")[0].GetString()!;
        var refused = await Assert.ThrowsAnyAsync<MeridianApiException>(() => client.Simple.UpsertAsync("A", domain, blacklisted, "192.0.2.57"));
        Assert.InRange(refused.Status, 400, 499);
        Assert.NotEmpty(refused.Messages);

        await client.Simple.DeleteByNameAsync("A", domain, "api");
        Assert.Empty(await DigUntilAsync($"api.{domain}", "A"));

        // Without a key at all the other surfaces say what is missing instead of sending an empty Authorization.
        await Assert.ThrowsAsync<MeridianConfigurationException>(() => client.Domains.GetAsync("any"));
    }

    private async Task<List<(string Type, string Name, string Content)>> StandInRecordsAsync()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Fixture.Text("emailDns", "standIn", "token"));
        var records = new List<(string, string, string)>();
        for (var page = 1; ; page++)
        {
            using var answer = JsonDocument.Parse(await http.GetStringAsync(
                $"{Fixture.Text("emailDns", "standIn", "baseUrl")}/zones/{Fixture.Text("emailDns", "standIn", "zoneId")}/dns_records?page={page}&per_page=100"));
            var result = answer.RootElement.GetProperty("result");
            foreach (var record in result.EnumerateArray())
                records.Add((record.GetProperty("type").GetString()!, record.GetProperty("name").GetString()!, record.GetProperty("content").GetString()!));
            var info = answer.RootElement.GetProperty("result_info");
            if (result.GetArrayLength() == 0 || page >= info.GetProperty("total_pages").GetInt32()) return records;
        }
    }
}
