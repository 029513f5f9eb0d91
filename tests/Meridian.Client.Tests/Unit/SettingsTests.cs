using Meridian.Client.Tests.Support;

namespace Meridian.Client.Tests.Unit;

/// <summary>Where a client's key and addresses come from, and what it refuses before sending anything.</summary>
public sealed class SettingsTests
{
    private static readonly Uri Production = new("https://api.dns.example.net");

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    [Theory]
    [InlineData("https://api.dns.example.net", "https://api.sandbox.dns.example.net/")]
    [InlineData("https://dns.example.net:8443/", "https://api.sandbox.dns.example.net:8443/")]
    [InlineData("http://localhost:8080", "http://sandbox.localhost:8080/")]
    [InlineData("http://127.0.0.1:5000", "http://sandbox.localhost:5000/")]
    [InlineData("https://api.example.com/meridian", "https://api.sandbox.example.com/meridian/")]
    public void The_sandbox_address_follows_the_servers_default_sandbox_host_rule(string production, string sandbox)
    {
        var settings = ClientSettings.Resolve(new MeridianClientOptions
        {
            ApiKey = "mk_test_x", Environment = MeridianEnvironment.Sandbox, BaseUrl = new Uri(production),
        }, Environment());
        Assert.Equal(new Uri(sandbox), settings.ApiBaseUrl);
    }

    [Fact]
    public void An_explicit_sandbox_address_wins_and_production_ignores_it()
    {
        var options = new MeridianClientOptions
        {
            ApiKey = "mk_test_x", Environment = MeridianEnvironment.Sandbox, BaseUrl = Production,
            SandboxBaseUrl = new Uri("http://127.0.0.2:9000"),
        };
        Assert.Equal(new Uri("http://127.0.0.2:9000/"), ClientSettings.Resolve(options, Environment()).ApiBaseUrl);

        options.Environment = MeridianEnvironment.Production;
        options.ApiKey = "mk_live_x";
        Assert.Equal(new Uri("https://api.dns.example.net/"), ClientSettings.Resolve(options, Environment()).ApiBaseUrl);
    }

    [Fact]
    public void The_key_comes_from_MERIDIAN_API_KEY_else_POCKETDNS_API_KEY_and_the_address_from_MERIDIAN_BASE_URL()
    {
        var both = ClientSettings.Resolve(new MeridianClientOptions(), Environment(
            ("MERIDIAN_API_KEY", "mk_live_meridian"), ("POCKETDNS_API_KEY", "mk_live_pocket"), ("MERIDIAN_BASE_URL", "https://api.dns.example.net")));
        Assert.Equal("mk_live_meridian", both.ApiKey);
        Assert.Equal(new Uri("https://api.dns.example.net/"), both.ApiBaseUrl);
        Assert.Equal(new Uri("https://api.dns.example.net/simple/"), both.SimpleBaseUrl);

        var pocket = ClientSettings.Resolve(new MeridianClientOptions { BaseUrl = Production }, Environment(("POCKETDNS_API_KEY", "mk_live_pocket")));
        Assert.Equal("mk_live_pocket", pocket.ApiKey);

        var explicitKey = ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_given", BaseUrl = Production },
            Environment(("MERIDIAN_API_KEY", "mk_live_meridian")));
        Assert.Equal("mk_live_given", explicitKey.ApiKey);
    }

    [Fact]
    public void Missing_key_or_address_and_bad_values_are_refused_with_what_to_set()
    {
        var noKey = Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { BaseUrl = Production }, Environment()));
        Assert.Contains("MERIDIAN_API_KEY", noKey.Message, StringComparison.Ordinal);

        var noAddress = Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_x" }, Environment()));
        Assert.Contains("MERIDIAN_BASE_URL", noAddress.Message, StringComparison.Ordinal);

        var badAddress = Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_x" }, Environment(("MERIDIAN_BASE_URL", "ftp://x"))));
        Assert.Contains("MERIDIAN_BASE_URL", badAddress.Message, StringComparison.Ordinal);

        var relative = Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = new Uri("/api", UriKind.Relative) }, Environment()));
        Assert.Contains("BaseUrl", relative.Message, StringComparison.Ordinal);
        Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = Production, MaxRetries = -1 }, Environment()));
        Assert.Throws<MeridianConfigurationException>(() =>
            ClientSettings.Resolve(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = Production, Timeout = TimeSpan.Zero }, Environment()));
    }

    [Fact]
    public async Task A_sandbox_key_for_production_is_refused_before_any_request()
    {
        await using var server = await ScriptedServer.StartAsync();

        var error = Assert.Throws<MeridianConfigurationException>(() =>
            new MeridianClient(new MeridianClientOptions { ApiKey = "mk_test_abc", Environment = MeridianEnvironment.Production, BaseUrl = server.BaseUrl }));
        Assert.Contains("sandbox key", error.Message, StringComparison.Ordinal);
        Assert.Throws<MeridianConfigurationException>(() =>
            new PocketDNS(new MeridianClientOptions { ApiKey = "mk_test_abc", BaseUrl = server.BaseUrl }));

        Assert.Empty(server.Received);
    }

    [Fact]
    public void PocketDNS_is_a_MeridianClient()
    {
        using var client = new PocketDNS(new MeridianClientOptions { ApiKey = "mk_live_x", BaseUrl = Production });
        Assert.IsAssignableFrom<MeridianClient>(client);
        Assert.Equal(new Uri("https://api.dns.example.net/"), client.ApiBaseUrl);
    }
}
