using Meridian.Client.PartnerApi;
using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Live;

/// <summary>Sandbox and production keys: each environment has its own data and DNS, and a key is refused by the
/// other one (a sandbox key for production already by the client).</summary>
[Collection(LiveCollection.Name)]
public sealed class EnvironmentTests(LiveFixture fixture) : LiveTest(fixture)
{
    [Fact]
    public async Task The_sandbox_key_works_on_the_sandbox_host_and_its_data_stays_there()
    {
        using var sandbox = PartnerClient(MeridianEnvironment.Sandbox);
        using var production = PartnerClient(MeridianEnvironment.Production);
        Assert.Equal(new Uri(Fixture.SandboxBaseUrl.ToString().TrimEnd('/') + "/"), sandbox.ApiBaseUrl);

        var user = $"sandbox-{Guid.NewGuid():N}";
        await sandbox.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = user });
        var domainName = NewDomainName("sandbox");
        var domain = await sandbox.Users.AddDomainAsync(user, new CreateDomainRequest { Name = domainName });
        await sandbox.Records.CreateAsync(new CreateRecordRequest { DomainId = domain.Id, Type = "A", Name = "www", Value = "203.0.113.7" });

        Assert.Equal(["203.0.113.7"], await Dig.UntilAsync(DnsHost("sandboxDns"), DnsPort("sandboxDns"), $"www.{domainName}", "A", "203.0.113.7"));
        Assert.Empty(await Dig.ShortAsync(DnsHost(), DnsPort(), $"www.{domainName}", "A"));
        await Assert.ThrowsAsync<MeridianNotFoundException>(() => production.Domains.GetAsync(domain.Id));
    }

    [Fact]
    public async Task A_key_sent_to_the_other_environment_is_refused()
    {
        // A production key on the sandbox host: the server refuses it.
        using var liveKeyOnSandbox = new MeridianClient(new MeridianClientOptions
        {
            ApiKey = Fixture.Text("partner", "productionKey"), Environment = MeridianEnvironment.Sandbox,
            BaseUrl = Fixture.BaseUrl, SandboxBaseUrl = Fixture.SandboxBaseUrl,
        });
        var refused = await Assert.ThrowsAsync<MeridianAuthenticationException>(() =>
            liveKeyOnSandbox.Users.CreateSessionAsync(new CreateUserRequest { UserIdentifier = "nobody" }));
        Assert.Equal(401, refused.Status);
        Assert.NotEmpty(refused.Messages);

        // A sandbox key for production: the client refuses it before sending anything.
        var error = Assert.Throws<MeridianConfigurationException>(() => new MeridianClient(new MeridianClientOptions
        {
            ApiKey = Fixture.Text("partner", "sandboxKey"), Environment = MeridianEnvironment.Production, BaseUrl = Fixture.BaseUrl,
        }));
        Assert.Contains("mk_test_", error.Message, StringComparison.Ordinal);
    }
}
