using Meridian.Client.ClientApi;
using Meridian.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Client.Tests.Live;

/// <summary>The Client API through <c>client.Client</c>, and the client as a service from IHttpClientFactory.</summary>
[Collection(LiveCollection.Name)]
public sealed class ClientApiAndRegistrationTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task The_Client_API_manages_domains_and_GeoDNS_records_and_exports_BIND()
    {
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = Fixture.ClientKey, BaseUrl = Fixture.BaseUrl });
        var name = NewDomainName("client");

        var domain = await client.Client.CreateDomainAsync(new CreateDomainRequest { Name = name });
        Assert.Contains(await ToListAsync(client.Client.ListDomainsAsync()), listed => listed.Id == domain.Id);

        var record = await client.Client.CreateRecordAsync(new RecordRequest
        {
            DomainId = domain.Id, Name = "geo", Type = "A", Value = "192.0.2.80", Ttl = 120, CountryCodes = ["DE", "FR"],
        });
        Assert.Equal(["DE", "FR"], record.CountryCodes.Order(StringComparer.Ordinal));
        var updated = await client.Client.UpdateRecordAsync(record.Id, new RecordRequest { Value = "192.0.2.81" });
        Assert.Equal("192.0.2.81", updated.Value);
        Assert.Contains(await ToListAsync(client.Client.ListRecordsAsync(domain.Id)), listed => listed.Id == record.Id && listed.Value == "192.0.2.81");

        var zoneFile = await client.Client.ExportBindAsync(domain.Id);
        Assert.Contains("192.0.2.81", zoneFile, StringComparison.Ordinal);
        Assert.NotEmpty(await ToListAsync(client.Client.ListChangesAsync(domain.Id)));

        var bad = await Assert.ThrowsAsync<MeridianBadRequestException>(() => client.Client.DeleteDomainAsync("not-an-id"));
        Assert.Equal(bad.Body.GetProperty("error").GetString(), Assert.Single(bad.Messages));

        await client.Client.DeleteRecordAsync(record.Id);
        await client.Client.DeleteDomainAsync(domain.Id);
        Assert.DoesNotContain(await ToListAsync(client.Client.ListDomainsAsync()), listed => listed.Id == domain.Id);
    }

    [Fact]
    public async Task Rotating_the_key_retires_the_old_one_and_hands_out_a_working_one()
    {
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = Fixture.ClientKey, BaseUrl = Fixture.BaseUrl });

        var rotated = await client.Client.RotateApiKeyAsync();
        Fixture.ClientKey = rotated.ApiToken;

        await Assert.ThrowsAsync<MeridianAuthenticationException>(() => ToListAsync(client.Client.ListDomainsAsync()));
        using var renewed = new MeridianClient(new MeridianClientOptions { ApiKey = rotated.ApiToken, BaseUrl = Fixture.BaseUrl });
        await ToListAsync(renewed.Client.ListDomainsAsync());
    }

    [Fact]
    public async Task A_BIND_zone_file_imports_as_a_domain_dig_answers_and_a_bad_line_is_reported()
    {
        using var client = new MeridianClient(new MeridianClientOptions { ApiKey = Fixture.ClientKey, BaseUrl = Fixture.BaseUrl });
        var name = NewDomainName("import");

        var imported = await client.Client.ImportBindAsync($"$ORIGIN {name}.\n$TTL 300\nwww IN A 192.0.2.90\nbad IN A not-an-address\n");

        Assert.Equal(name + ".", imported.Domain.Name);   // the Client API writes names absolute
        Assert.Equal(1, imported.RecordsCreated);
        Assert.True(imported.PartialSuccess);
        Assert.NotEmpty(imported.Errors!);
        Assert.Equal(["192.0.2.90"], await DigUntilAsync($"www.{name}", "A", "192.0.2.90"));
        await client.Client.DeleteDomainAsync(imported.Domain.Id);
    }

    [Fact]
    public async Task AddMeridianClient_registers_a_typed_client_of_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        var builder = services.AddMeridianClient(options =>
        {
            options.ApiKey = Fixture.Text("partner", "productionKey");
            options.BaseUrl = Fixture.BaseUrl;
            options.MaxRetries = 1;
        });
        Assert.Equal(nameof(MeridianClient), builder.Name);
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetService<IHttpClientFactory>());
        var client = provider.GetRequiredService<MeridianClient>();
        var session = await client.Users.CreateSessionAsync(new PartnerApi.CreateUserRequest { UserIdentifier = $"di-{Guid.NewGuid():N}" });
        Assert.NotEmpty(session.LoginUrl);
        Assert.NotSame(client, provider.GetRequiredService<MeridianClient>());   // transient, like every typed client
    }
}
