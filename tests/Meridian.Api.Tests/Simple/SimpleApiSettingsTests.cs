using Meridian.Api.Simple;
using Meridian.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Meridian.Api.Tests.Simple;

/// <summary>The "SimpleApi" settings, checked when the server starts, and the original's environment variables.</summary>
public sealed class SimpleApiSettingsTests
{
    private const string Strong = "0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string> Refused() => new()
    {
        { "SimpleApi:SecretKey=short", "SimpleApi:SecretKey is 5 bytes; at least 32 are required" },
        { "SimpleApi:Backend=bind", "SimpleApi:Backend 'bind' is not one of meridian, dnsimple" },
        { "SimpleApi:Backend=dnsimple", "SimpleApi:DNSimple:Token is required for the dnsimple backend" },
        { "SimpleApi:Backend=dnsimple", "SimpleApi:DNSimple:Account is required for the dnsimple backend" },
        { "SimpleApi:Listen=8000", "SimpleApi:Listen '8000' is not ADDRESS:PORT" },
        { "SimpleApi:Users:1:Name=alice", "SimpleApi:Users:1:Name 'alice' is listed twice" },
        { "SimpleApi:Users:0:Domains:1=not a domain", "SimpleApi:Users:0:Domains:1 'not a domain' is not a domain name" },
        { "SimpleApi:Blacklist:0=no.dots", "SimpleApi:Blacklist:0 'no.dots' is not a subdomain label" },
        { "SimpleApi:Account=", "SimpleApi:Account is required for the meridian backend" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Settings_that_make_no_sense_are_refused_before_the_server_starts(string setting, string problem)
    {
        var settings = Valid();
        settings[setting.Split('=')[0]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings!).Build();

        Assert.Contains(SimpleApiServiceCollectionExtensions.Problems(configuration), p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Empty(SimpleApiServiceCollectionExtensions.Problems(new ConfigurationBuilder().AddInMemoryCollection(Valid()!).Build()));
        // The same rules run when the host starts (the options are validated on start).
        WithServer(settings, null, factory => Assert.ThrowsAny<Exception>(factory.StartServer));
    }

    [Fact]
    public void The_dnsimple_backend_needs_a_token_and_a_numeric_account_id()
    {
        var settings = Valid();
        settings["SimpleApi:Backend"] = "dnsimple";
        settings["SimpleApi:DNSimple:Token"] = "dnsimple-token";
        settings["SimpleApi:DNSimple:Account"] = "1010";
        Assert.Empty(SimpleApiServiceCollectionExtensions.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings!).Build()));

        settings["SimpleApi:DNSimple:Account"] = "acme";
        Assert.Equal(["SimpleApi:DNSimple:Account 'acme' is not a DNSimple account id (a number, as in DNSimple's URLs)"],
            SimpleApiServiceCollectionExtensions.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings!).Build()));
    }

    [Fact]
    public void A_weak_secret_is_accepted_when_allowed_and_warned_about_at_start()
    {
        var settings = Valid();
        settings["SimpleApi:SecretKey"] = "short";
        settings["SimpleApi:AllowWeakSecret"] = "true";
        var logs = new CapturedLogs();
        WithServer(settings, logs, factory =>
        {
            factory.StartServer();
            Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("SimpleApi:SecretKey is 5 bytes", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void The_original_environment_variables_fill_the_settings()
    {
        var options = new SimpleApiOptions { Users = [new SimpleApiUser { Name = "ops", Domains = ["example.org"] }] };
        var environment = new Dictionary<string, string>
        {
            ["SECRET_KEY"] = "legacy secret",
            ["VALID_USERS"] = "alice, bob,ops",
            ["BLACKLISTED_SUBDOMAINS"] = "www,mail",
            ["DNSIMPLE_DOMAINS"] = "example.com,example.net",
            ["DNSIMPLE_ACCOUNT_ID"] = "12345",
            ["DNSIMPLE_ACCOUNT_TOKEN"] = "dnsimple-token",
            ["DNSIMPLE_DOMAIN_TTL"] = "120",
        };

        var problems = SimpleApiLegacyEnvironment.Apply(options, environment.GetValueOrDefault);

        Assert.Empty(problems);
        Assert.Equal("legacy secret", options.SecretKey);
        Assert.Equal(["ops", "alice", "bob"], options.Users.Select(u => u.Name));
        Assert.Equal(["example.com", "example.net"], options.FindUser("alice")!.Domains);
        Assert.Equal(["example.org", "example.com", "example.net"], options.FindUser("ops")!.Domains);
        Assert.Equal(["www", "mail"], options.Blacklist);
        Assert.Equal(("12345", "dnsimple-token", 120, 120), (options.DNSimple.Account, options.DNSimple.Token, options.DNSimple.Ttl, options.Ttl));

        // Settings of the section win over the variables.
        var configured = new SimpleApiOptions { SecretKey = "configured" };
        SimpleApiLegacyEnvironment.Apply(configured, environment.GetValueOrDefault);
        Assert.Equal("configured", configured.SecretKey);
        Assert.Equal(["DNSIMPLE_DOMAIN_TTL 'soon' is not a number of seconds"],
            SimpleApiLegacyEnvironment.Apply(new SimpleApiOptions(), name => name == "DNSIMPLE_DOMAIN_TTL" ? "soon" : null));
    }

    private static Dictionary<string, string> Valid() => new()
    {
        ["SimpleApi:SecretKey"] = Strong,
        ["SimpleApi:Account"] = "simple",
        ["SimpleApi:Users:0:Name"] = "alice",
        ["SimpleApi:Users:0:Domains:0"] = "example.com",
    };

    private static void WithServer(Dictionary<string, string> settings, CapturedLogs? logs, Action<MeridianApiFactory> test)
    {
        string directory = Path.Combine(Path.GetTempPath(), "meridian-api-tests-" + Guid.NewGuid().ToString("N")[..12]);
        settings["Meridian:DataDirectory"] = directory;
        try
        {
            using var factory = new MeridianApiFactory(settings, logs: logs);
            test(factory);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
