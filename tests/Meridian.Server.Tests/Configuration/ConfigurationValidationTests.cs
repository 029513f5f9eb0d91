using Meridian.Server.Tests.Support;

namespace Meridian.Server.Tests.Configuration;

/// <summary>The real <c>meridian serve</c> executable refuses bad configuration before it listens: exit code 2 and one
/// line on standard error naming the key and what is allowed, whichever layer the value came from.</summary>
public sealed class ConfigurationValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("meridian-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("--Http:MaxConnections=0", "Http:MaxConnections must be at least 1")]
    [InlineData("--Http:KeepAliveTimeout=soon", "Http:KeepAliveTimeout: 'soon' is not a duration ([d.]hh:mm:ss)")]
    [InlineData("--Dns:MaxUdpPayload=100", "Dns:MaxUdpPayload must be 512 to 65535")]
    [InlineData("--Dns:UdpWorkers=many", "Dns:UdpWorkers: 'many' is not a whole number")]
    [InlineData("--Dns:SandboxListen=127.0.0.1:x", "Dns:SandboxListen: '127.0.0.1:x' is not ADDRESS:PORT")]
    [InlineData("--Dns:Ecs:TrustedSources:0=10.0.0.0/99", "Dns:Ecs:TrustedSources")]
    [InlineData("--Meridian:Http=localhost:8080", "Meridian:Http: 'localhost:8080' is not ADDRESS:PORT")]
    [InlineData("--Meridian:PublicUrl=example.com", "Meridian:PublicUrl: 'example.com' is not an absolute http:// or https:// URL")]
    [InlineData("--Storage:SqliteBusyTimeout=00:00:00", "Storage:SqliteBusyTimeout: allowed: 00:00:00.001 to 01:00:00 (got '00:00:00')")]
    [InlineData("--Storage:Sqlite=Mode=Bogus", "Storage:Sqlite: not a SQLite connection string")]
    [InlineData("--Meridian:Database=Host=db;Pool Size Of Doom=3", "Meridian:Database (Storage:Postgres): not a PostgreSQL connection string")]
    [InlineData("--Zones:Hostmaster=host..master.", "Zones:Hostmaster: 'host..master.'")]
    [InlineData("--Zones:PublicSuffixListPath=/nonexistent/psl.dat", "Zones:PublicSuffixListPath: no Public Suffix List at /nonexistent/psl.dat")]
    [InlineData("--ApiKeys:MaxEntries=0", "ApiKeys:MaxEntries: allowed: 1 or more (got '0')")]
    [InlineData("--Partner:SandboxHosts:0=http://sandbox", "Partner:SandboxHosts: 'http://sandbox' is not a host name")]
    [InlineData("--RateLimits:PerMinute=5000", "RateLimits:PerMinute (5000) must not exceed RateLimits:PerHour (1000)")]
    [InlineData("--Geo:Required=perhaps", "Geo:Required: 'perhaps' is not true or false")]
    [InlineData("--Geo:Overrides:0:Network=10.0.0.0/8", "Geo:Overrides")]
    [InlineData("--Following:PollInterval=00:05:00", "Following:PollInterval: allowed: 00:00:00.01 to 00:00:30 (got '00:05:00')")]
    [InlineData("--Following:KeyTrustWindow=00:00:00.100", "Following:KeyTrustWindow must be longer than Following:PollInterval")]
    [InlineData("--Transfer:NotifyRetry=00:00:00", "Transfer:NotifyRetry: allowed: 00:00:00.1 to 00:10:00 (got '00:00:00')")]
    [InlineData("--Transfer:Allow:0=10.0.0.0/99", "Transfer:Allow: '10.0.0.0/99' is not an address or CIDR")]
    [InlineData("--Transfer:NotifyTsig=bad..key", "Transfer:NotifyTsig: 'bad..key' is not a key name")]
    [InlineData("--Providers:MaxRetries=50", "Providers:MaxRetries: allowed: 0 to 10 (got '50')")]
    [InlineData("--Providers:Detection:Timeout=00:00:00", "Providers:Detection:Timeout: allowed: 00:00:00.1 to 00:01:00 (got '00:00:00')")]
    [InlineData("--Providers:Cloudflare:BaseUrl=ftp://cloudflare.example", "Providers:Cloudflare:BaseUrl must be an absolute http(s) URL (got 'ftp://cloudflare.example')")]
    [InlineData("--Interface:ResolverTimeout=00:01:00", "Interface:ResolverTimeout: allowed: 00:00:00.1 to 00:00:30 (got '00:01:00')")]
    [InlineData("--Interface:Resolver=nowhere", "Interface:Resolver: 'nowhere' is not ADDRESS:PORT")]
    [InlineData("--SimpleApi:Ttl=0", "SimpleApi:Ttl: allowed: 1 to 604800 (got '0')")]
    [InlineData("--EmailDns:RecordSets:campaign:DmarcPolicy=maybe", "EmailDns:RecordSets:campaign:DmarcPolicy must be none, quarantine or reject (got 'maybe')")]
    [InlineData("--Metrics:Path=metrics", "Metrics:Path: allowed: a path starting with /, e.g. /metrics (got 'metrics')")]
    [InlineData("--Logging:Format=xml", "Logging:Format: allowed: simple or json (got 'xml')")]
    public async Task A_bad_value_stops_serve_with_one_line_naming_the_key(string setting, string expected)
    {
        var (exit, stdout, stderr) = await RunServeAsync(setting);

        Assert.Equal(2, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("meridian serve: configuration: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);   // no stack trace
        Assert.DoesNotContain("DataAnnotation", line, StringComparison.Ordinal);   // the framework's wording names no key
        Assert.DoesNotContain("listening", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Several_bad_values_in_several_sections_are_named_together_from_environment_variables_too()
    {
        var (exit, _, stderr) = await RunServeAsync("--Http:MaxConnections=0",
            environment: new() { ["MERIDIAN__Dns__MaxTcpConnections"] = "0", ["MERIDIAN__ApiKeys__RevalidateAfter"] = "-00:00:01" });

        Assert.Equal(2, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Http:MaxConnections must be at least 1", line, StringComparison.Ordinal);
        Assert.Contains("Dns:MaxTcpConnections must be at least 1", line, StringComparison.Ordinal);
        Assert.Contains("ApiKeys:RevalidateAfter: allowed: 00:00:00 (always read) to 1.00:00:00", line, StringComparison.Ordinal);
    }

    private Task<(int Exit, string Stdout, string Stderr)> RunServeAsync(string setting, Dictionary<string, string>? environment = null) =>
        ServeThatStops.RunAsync(_directory, [setting], $"meridian serve {setting} did not stop: it started despite the bad value", environment: environment);
}
